import type { Socket } from 'socket.io-client';
import { ClientPool, generatorOptions, measureOnce, now, setupFishbowl, startBare, trigger } from '../support/fishbowl';
import type { BenchOptions } from '../support/options';
import { progress } from '../support/progress';
import { ratio, round, summarise } from '../support/stats';
import type { Scenario } from './index';

/**
 * Latencies of `rounds` changes (after one warm-up) and the fraction delivered: `p50_ms`/`p99_ms` are
 * `delivery` (arrival − the view's `now`, the server's emit instant), `end_to_end` is arrival − the
 * instant the trigger sent its command.
 */
export async function rounds(pool: ClientPool, count: number, fire: (round: number) => Promise<{ t0: number; version: number }>, firstVersion: number) {
  const samples: number[] = [];
  const endToEnd: number[] = [];
  let expected = 0;
  let version = firstVersion;
  for (let r = 0; r <= count; r++) {
    let next = version + 1;
    const latencies = await measureOnce(pool, next, async () => {
      const fired = await fire(r);
      next = fired.version;
      return fired.t0;
    });
    version = next;
    // The pause after the warm-up too: a change within the broadcaster's coalescing interval (100 ms) of the
    // previous flush waits for it by design, which made the first measured round's end_to_end ~80 ms longer.
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (r === 0) continue;
    expected += latencies.delivery.length;
    samples.push(...latencies.delivery.filter((l) => Number.isFinite(l)));
    endToEnd.push(...latencies.endToEnd.filter((l) => Number.isFinite(l)));
  }
  const e2e = summarise(endToEnd);
  return { ...summarise(samples), delivered: expected ? round(samples.length / expected, 4) : 0, end_to_end: { p50_ms: e2e.p50_ms, p99_ms: e2e.p99_ms, max_ms: e2e.max_ms } };
}

/** One fishbowl change (an attendee asks or withdraws) to N joined clients; the same N and payload size on a bare Socket.IO server. */
export async function fishbowlFanout(pool: ClientPool, urls: string[], sessionId: string, triggerToken: string, count: number) {
  const socket: Socket = await trigger(`${urls[0]}/fishbowl`, triggerToken);
  const joined = await socket.emitWithAck('fishbowl:join', { sessionId });
  const result = await rounds(
    pool,
    count,
    async (r) => {
      const t0 = now();
      const ack = await socket.emitWithAck(r % 2 === 0 ? 'fishbowl:ask' : 'fishbowl:withdraw', r % 2 === 0 ? { sessionId, where: 'remote' } : { sessionId });
      if (!ack.ok) throw new Error(`trigger failed: ${JSON.stringify(ack.error)}`);
      return { t0, version: ack.version };
    },
    joined.version,
  );
  socket.disconnect();
  return result;
}

export const fanout: Scenario = {
  name: 'fanout',
  summary: 'one fishbowl change to N clients (--clients 2000 --nodes 1|2 --rounds 10 --client raw|socketio --workers 2), against a bare Socket.IO server',
  async run(options: BenchOptions) {
    const clients = options.int('clients', 2000);
    const nodes = Math.max(1, options.int('nodes', 1));
    const count = options.int('rounds', 10);
    const { kind, workers } = generatorOptions(options);
    const bench = await setupFishbowl(clients + 1, nodes);
    try {
      const urls = bench.apis.map((a) => `${a.url}/fishbowl`);
      const pool = ClientPool.start(workers, kind);
      const connected = await pool.connect(urls, bench.tokens.slice(0, clients), bench.sessionId, 'fishbowl:state');
      progress(`${connected.connected} clients joined the fishbowl (${connected.failed} failed)`);
      const ours = await fishbowlFanout(pool, bench.apis.map((a) => a.url), bench.sessionId, bench.tokens[clients], count);
      const view = await fetch(`${bench.apis[0].url}/api/sessions/${bench.sessionId}/fishbowl`, { headers: { authorization: `Bearer ${bench.moderatorToken}` } }).then((r) => r.text());
      await pool.close();
      progress(`ours (${kind} clients, ${workers} generators): delivery p50 ${ours.p50_ms} ms, p99 ${ours.p99_ms} ms; end to end p99 ${ours.end_to_end.p99_ms} ms; view ${view.length} bytes; now the bare Socket.IO server`);

      const bare = await startBare(view);
      const barePool = ClientPool.start(workers, kind);
      await barePool.connect([bare.url], Array.from({ length: clients }, () => ''), null, 'state');
      const go = await trigger(bare.url, null);
      const baseline = await rounds(barePool, count, async () => {
        const t0 = now();
        const version: number = await go.emitWithAck('go');
        return { t0, version };
      }, 0);
      go.disconnect();
      await barePool.close();
      bare.stop();
      return {
        clients,
        nodes,
        rounds: count,
        client: kind,
        generators: workers,
        clock: 'one machine, one system clock (delivery = arrival - view.now, end_to_end = arrival - command sent)',
        payload_bytes: view.length,
        ours,
        baseline,
        ratio_p50: ratio(ours.p50_ms, baseline.p50_ms),
        ratio_p99: ratio(ours.p99_ms, baseline.p99_ms),
        ratio_end_to_end_p99: ratio(ours.end_to_end.p99_ms, baseline.end_to_end.p99_ms),
      };
    } finally {
      await bench.stop();
    }
  },
};
