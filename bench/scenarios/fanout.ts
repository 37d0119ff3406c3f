import type { Socket } from 'socket.io-client';
import { continuous } from '../support/continuous';
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
  // The command's ack (sent after its commit, before the broadcast): splits end to end into command and coalescing.
  const acks: number[] = [];
  const result = await rounds(
    pool,
    count,
    async (r) => {
      const t0 = now();
      const ack = await socket.emitWithAck(r % 2 === 0 ? 'fishbowl:ask' : 'fishbowl:withdraw', r % 2 === 0 ? { sessionId, where: 'remote' } : { sessionId });
      if (!ack.ok) throw new Error(`trigger failed: ${JSON.stringify(ack.error)}`);
      if (r > 0) acks.push(now() - t0);
      return { t0, version: ack.version };
    },
    joined.version,
  );
  socket.disconnect();
  const { n: _n, ...commandAck } = summarise(acks);
  return { ...result, command_ack: commandAck };
}

/** Continuous: `triggers` people take turns (ask, and a turn later withdraw), one change every period, through every api process. */
async function continuousFishbowl(pool: ClientPool, urls: string[], sessionId: string, tokens: string[], periodMs: number, durationMs: number) {
  const sockets = await Promise.all(tokens.map((t, i) => trigger(`${urls[i % urls.length]}/fishbowl`, t)));
  await Promise.all(sockets.map((s) => s.emitWithAck('fishbowl:join', { sessionId })));
  const result = await continuous(
    pool,
    async (i) => {
      const asks = Math.floor(i / sockets.length) % 2 === 0;
      const ack = await sockets[i % sockets.length].timeout(10_000).emitWithAck(asks ? 'fishbowl:ask' : 'fishbowl:withdraw', asks ? { sessionId, where: 'remote' } : { sessionId });
      return ack.ok ? (ack.version as number) : null;
    },
    periodMs,
    durationMs,
  );
  for (const s of sockets) s.disconnect();
  return result;
}

/** Same turns on the bare server(s): each 'go' is one change, broadcast at once to everyone. */
async function continuousBare(pool: ClientPool, url: string, periodMs: number, durationMs: number) {
  const go = await trigger(url, null);
  const result = await continuous(pool, async () => (await go.timeout(10_000).emitWithAck('go')) as number, periodMs, durationMs);
  go.disconnect();
  return result;
}

/** In continuous mode, this many people take turns changing the queue (each acts once per turn). */
const TRIGGERS = 20;

export const fanout: Scenario = {
  name: 'fanout',
  summary: 'one fishbowl change to N clients (--clients 2000 --nodes 1|2 --rounds 10 --client raw|socketio --workers 2 [--continuous --period-ms 50 --duration-s 20]), against bare Socket.IO on as many processes',
  async run(options: BenchOptions) {
    const clients = options.int('clients', 2000);
    const nodes = Math.max(1, options.int('nodes', 1));
    const count = options.int('rounds', 10);
    const isContinuous = options.string('continuous', 'false') !== 'false';
    const periodMs = Math.max(1, options.int('period-ms', 50));
    const durationMs = options.int('duration-s', 20) * 1000;
    const { kind, workers } = generatorOptions(options);
    const triggers = isContinuous ? TRIGGERS : 1;
    const bench = await setupFishbowl(clients + triggers, nodes);
    try {
      const urls = bench.apis.map((a) => `${a.url}/fishbowl`);
      const pool = ClientPool.start(workers, kind);
      const connected = await pool.connect(urls, bench.tokens.slice(0, clients), bench.sessionId, 'fishbowl:state');
      progress(`${connected.connected} clients joined the fishbowl (${connected.failed} failed)${isContinuous ? `; a change every ${periodMs} ms for ${durationMs / 1000} s` : ''}`);
      const apiUrls = bench.apis.map((a) => a.url);
      const ours = isContinuous
        ? await continuousFishbowl(pool, apiUrls, bench.sessionId, bench.tokens.slice(clients), periodMs, durationMs)
        : await fishbowlFanout(pool, apiUrls, bench.sessionId, bench.tokens[clients], count);
      const view = await fetch(`${bench.apis[0].url}/api/sessions/${bench.sessionId}/fishbowl`, { headers: { authorization: `Bearer ${bench.moderatorToken}` } }).then((r) => r.text());
      await pool.close();
      progress(`ours (${kind} clients, ${workers} generators): end to end p99 ${ours.end_to_end.p99_ms} ms; view ${view.length} bytes; now ${nodes} bare Socket.IO process(es)`);

      // As many bare processes as api processes, over the same Redis adapter when more than one: like for like.
      const redisUrl = nodes > 1 ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined;
      const bares = await Promise.all(Array.from({ length: nodes }, () => startBare(view, redisUrl)));
      const barePool = ClientPool.start(workers, kind);
      await barePool.connect(bares.map((b) => b.url), Array.from({ length: clients }, () => ''), null, 'state');
      let baseline;
      if (isContinuous) {
        baseline = await continuousBare(barePool, bares[0].url, periodMs, durationMs);
      } else {
        const go = await trigger(bares[0].url, null);
        baseline = await rounds(barePool, count, async () => {
          const t0 = now();
          const version: number = await go.emitWithAck('go');
          return { t0, version };
        }, 0);
        go.disconnect();
      }
      await barePool.close();
      for (const b of bares) b.stop();
      const common = {
        clients,
        nodes,
        client: kind,
        generators: workers,
        clock: 'one machine, one system clock (delivery = arrival - view.now, end_to_end = arrival - command sent)',
        payload_bytes: view.length,
      };
      if (isContinuous) {
        return { ...common, continuous: true, period_ms: periodMs, changes_for_s: durationMs / 1000, ours, baseline: { nodes, ...baseline }, ratio_end_to_end_p99: ratio(ours.end_to_end.p99_ms, baseline.end_to_end.p99_ms) };
      }
      const o = ours as Awaited<ReturnType<typeof rounds>>;
      const b = baseline as Awaited<ReturnType<typeof rounds>>;
      return {
        ...common,
        rounds: count,
        ours,
        baseline: { nodes, ...b },
        ratio_p50: ratio(o.p50_ms, b.p50_ms),
        ratio_p99: ratio(o.p99_ms, b.p99_ms),
        ratio_end_to_end_p99: ratio(o.end_to_end.p99_ms, b.end_to_end.p99_ms),
      };
    } finally {
      await bench.stop();
    }
  },
};
