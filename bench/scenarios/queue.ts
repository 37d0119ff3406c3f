import { ClientPool, setupFishbowl, trigger } from '../support/fishbowl';
import type { BenchOptions } from '../support/options';
import { progress } from '../support/progress';
import { round, summarise } from '../support/stats';
import type { Scenario } from './index';

/** N connected, joined attendees ask for a seat within one second: acks, throughput, and whether every ask is queued exactly once. */
export const queue: Scenario = {
  name: 'queue',
  summary: 'seat requests to one fishbowl (--requests 1000 --spread-ms 1000), every client joined and watching',
  async run(options: BenchOptions) {
    const requests = options.int('requests', 1000);
    const spreadMs = options.int('spread-ms', 1000);
    const workers = Math.max(1, options.int('workers', 2));
    // --watch false: the askers join once and part again, so they get no views (isolates the command path from the fan-out).
    const watch = options.string('watch', 'true') !== 'false';
    const bench = await setupFishbowl(requests, 1);
    try {
      const api = bench.apis[0];
      const pool = ClientPool.start(workers);
      const connected = await pool.connect([`${api.url}/fishbowl`], bench.tokens, bench.sessionId, 'fishbowl:state', !watch);
      progress(`${connected.connected} clients joined (${connected.failed} failed); starting the fishbowl`);
      const mod = await trigger(`${api.url}/fishbowl`, bench.moderatorToken);
      const started = await mod.emitWithAck('fishbowl:start', { sessionId: bench.sessionId, expectedVersion: 0 });
      if (!started.ok) throw new Error(`start failed: ${JSON.stringify(started.error)}`);
      mod.disconnect();

      const results = await pool.askAll(bench.sessionId, Date.now() + 500, spreadMs);
      const latencies = results.flatMap((r) => r.latencies);
      const errors: Record<string, number> = {};
      for (const r of results) for (const [code, n] of Object.entries(r.errors)) errors[code] = (errors[code] ?? 0) + n;
      const seconds = (Math.max(...results.map((r) => r.lastAck)) - Math.min(...results.map((r) => r.firstSent))) / 1000;
      await pool.close();

      // Lost or doubled? Count each attendee in the queue the api shows and in the log.
      const view = await fetch(`${api.url}/api/sessions/${bench.sessionId}/fishbowl/full`, { headers: { authorization: `Bearer ${bench.moderatorToken}` } }).then((r) => r.json());
      const seen = new Map<string, number>();
      for (const entry of view.queue as { personId: string }[]) seen.set(entry.personId, (seen.get(entry.personId) ?? 0) + 1);
      const once = [...seen.values()].filter((n) => n === 1).length;
      const [logged] = await bench.db.query(`SELECT count(*)::int AS n, count(DISTINCT payload->>'personId')::int AS people FROM fishbowl_event WHERE type = 'seat-requested'`);
      progress(`${latencies.length} acks ok; queue ${view.queue.length}; p99 ${summarise(latencies).p99_ms} ms`);
      return {
        requests,
        spread_ms: spreadMs,
        watching: watch,
        acked: latencies.length,
        errors,
        ...summarise(latencies),
        per_second: round(latencies.length / seconds, 1),
        delivered: round(once / requests, 4),
        doubled: [...seen.values()].filter((n) => n > 1).length,
        queue_length: view.queue.length,
        log_seat_requests: logged.n,
        log_distinct_people: logged.people,
        final_version: view.version,
      };
    } finally {
      await bench.stop();
    }
  },
};
