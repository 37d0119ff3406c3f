import { now, type ClientPool } from './fishbowl';
import { round, summarise } from './stats';

/**
 * Changes keep coming: one every `periodMs` for `durationMs`, each fired without waiting for the previous
 * (as a busy fishbowl does), then a pause for the last views. Per change and client: end to end from the
 * instant its command was sent to the first view that contains it, so any coalescing wait is in the figure.
 * `fire` returns the change's version (its ack), or null when the command failed.
 */
export async function continuous(pool: ClientPool, fire: (i: number) => Promise<number | null>, periodMs: number, durationMs: number, settleMs = 3000) {
  await pool.record();
  const changes: { t0: number; version: number | null }[] = [];
  const acks: Promise<unknown>[] = [];
  const start = now();
  for (let i = 0; i * periodMs < durationMs; i++) {
    const wait = start + i * periodMs - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const change = { t0: now(), version: null as number | null };
    changes.push(change);
    acks.push(fire(i).then((v) => (change.version = v), () => undefined));
  }
  await Promise.all(acks);
  const sentFor = now() - start;
  await new Promise((r) => setTimeout(r, settleMs));
  const done = changes.filter((c): c is { t0: number; version: number } => c.version !== null);
  const latest = Math.max(0, ...done.map((c) => c.version));
  const got = await pool.collect(done, latest);
  const e2e = summarise(got.latencies);
  return {
    changes: changes.length,
    changes_failed: changes.length - done.length,
    sent_for_ms: Math.round(sentFor),
    end_to_end: { p50_ms: e2e.p50_ms, p99_ms: e2e.p99_ms, max_ms: e2e.max_ms },
    // Every client ends with the latest version (1 = all of them).
    delivered: got.clients ? round(got.onLatest / got.clients, 4) : 0,
    // Per change and client, a view containing it arrived (later views contain earlier changes).
    changes_seen: got.latencies.length + got.missed ? round(got.latencies.length / (got.latencies.length + got.missed), 4) : 0,
  };
}
