import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setupFishbowl, trigger } from '../support/fishbowl';
import type { BenchOptions } from '../support/options';
import { progress } from '../support/progress';
import { ratio, summarise } from '../support/stats';
import type { VoteWorkerRequest } from '../support/vote-clients';
import type { Scenario } from './index';

/** A worker request without its id (the pool numbers them). */
type Request = VoteWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Forked load generators for the votes: clients spread evenly, driven over IPC. */
class VotePool {
  private next = 1;
  private constructor(private readonly workers: ChildProcess[]) {}
  static start(n: number) {
    return new VotePool(Array.from({ length: n }, () => fork(join(__dirname, '..', 'support', 'vote-clients.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })));
  }
  private ask<T>(w: ChildProcess, request: Request): Promise<T> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const on = (m: { id: number; error?: string }) => {
        if (m.id !== id) return;
        w.off('message', on);
        if (m.error) reject(new Error(m.error));
        else resolve(m as T);
      };
      w.on('message', on);
      w.send({ ...request, id });
    });
  }
  async connect(url: string, tokens: string[], joinEvent: { event: string; payload: unknown } | null) {
    const parts = await Promise.all(this.workers.map((w, i) => this.ask<{ connected: number; failed: number }>(w, { type: 'connect', url, tokens: tokens.filter((_, k) => k % this.workers.length === i), join: joinEvent })));
    return { connected: parts.reduce((s, p) => s + p.connected, 0), failed: parts.reduce((s, p) => s + p.failed, 0) };
  }
  async vote(event: string, payload: unknown, total: number, spreadMs: number) {
    const startAt = Date.now() + 500;
    let offset = 0;
    const shares = this.workers.map((_, i) => Math.floor(total / this.workers.length) + (i < total % this.workers.length ? 1 : 0));
    const parts = await Promise.all(
      this.workers.map((w, i) => {
        const mine = offset;
        offset += shares[i];
        return this.ask<{ latencies: number[]; errors: Record<string, number> }>(w, { type: 'vote', event, payload, startAt, spreadMs, offset: mine, total });
      }),
    );
    const errors: Record<string, number> = {};
    for (const p of parts) for (const [k, n] of Object.entries(p.errors)) errors[k] = (errors[k] ?? 0) + n;
    return { latencies: parts.flatMap((p) => p.latencies), errors };
  }
  async close() {
    await Promise.all(this.workers.map((w) => this.ask(w, { type: 'close' })));
  }
  kill() {
    for (const w of this.workers) w.kill();
  }
}

function startBareVotes(): Promise<{ url: string; count(): Promise<Record<string, number>>; stop(): void }> {
  const child = fork(join(__dirname, '..', 'support', 'bare-votes.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve) =>
    child.once('message', (m: { port: number }) =>
      resolve({
        url: `http://127.0.0.1:${m.port}`,
        count: () => new Promise((r) => (child.once('message', (c: { counts: Record<string, number> }) => r(c.counts)), child.send({ type: 'count' }))),
        stop: () => child.kill('SIGTERM'),
      }),
    ),
  );
}

/** 1,000 joined attendees each upvote one question within a second: acks, and whether every vote is counted exactly once. */
export const votes: Scenario = {
  name: 'votes',
  summary: 'question upvotes (--votes 1000 --spread-ms 1000 --workers 2), every voter joined and watching; baseline: a bare Socket.IO server counting in memory',
  async run(options: BenchOptions) {
    const total = options.int('votes', 1000);
    const spreadMs = options.int('spread-ms', 1000);
    const workers = Math.max(1, options.int('workers', 2));
    const bench = await setupFishbowl(total, 1);
    const pool = VotePool.start(workers);
    try {
      const api = bench.apis[0];
      const sessionId = bench.sessionId;
      const mod = await trigger(`${api.url}/questions`, bench.moderatorToken);
      const questionId = randomUUID();
      for (const [event, payload] of [
        ['questions:ask', { sessionId, questionId, text: 'Wie wird abgestimmt?', origin: 'hall' }],
        ['questions:approve', { sessionId, questionId }],
      ] as const) {
        const ack = await mod.emitWithAck(event, payload);
        if (!ack.ok) throw new Error(`${event} failed: ${JSON.stringify(ack.error)}`);
      }
      mod.disconnect();
      const joined = await pool.connect(`${api.url}/questions`, bench.tokens, { event: 'questions:join', payload: { sessionId } });
      progress(`${joined.connected} voters joined (${joined.failed} failed); voting`);
      const ours = await pool.vote('questions:upvote', { sessionId, questionId }, total, spreadMs);
      await pool.close();
      const [logged] = await bench.db.query(`SELECT count(*)::int AS n, count(DISTINCT actor)::int AS people FROM question_event WHERE session_id = $1 AND type = 'question-upvoted'`, [sessionId]);
      const record = await fetch(`${api.url}/api/sessions/${sessionId}/questions/record`, { headers: { authorization: `Bearer ${bench.moderatorToken}` } }).then((r) => r.json());
      const shown = (record as { id: string; votes: number }[]).find((q) => q.id === questionId)?.votes ?? 0;
      progress(`ours: ${ours.latencies.length} acks, ${logged.people} counted, p99 ${summarise(ours.latencies).p99_ms} ms; baseline next`);

      const bare = await startBareVotes();
      let baseline: { latencies: number[]; errors: Record<string, number> };
      let bareCounted = 0;
      try {
        const connected = await pool.connect(`${bare.url}/questions`, bench.tokens, null);
        progress(`baseline: ${connected.connected} clients connected`);
        baseline = await pool.vote('questions:upvote', { sessionId, questionId }, total, spreadMs);
        await pool.close();
        bareCounted = (await bare.count())[questionId] ?? 0;
      } finally {
        bare.stop();
      }
      const mine = summarise(ours.latencies);
      const base = summarise(baseline.latencies);
      return {
        votes: total,
        spread_ms: spreadMs,
        acked: ours.latencies.length,
        errors: ours.errors,
        counted: logged.people,
        doubled: logged.n - logged.people,
        view_votes: shown,
        p50_ms: mine.p50_ms,
        p99_ms: mine.p99_ms,
        max_ms: mine.max_ms,
        baseline: { acked: baseline.latencies.length, counted: bareCounted, errors: baseline.errors, p50_ms: base.p50_ms, p99_ms: base.p99_ms, max_ms: base.max_ms },
        ratio_p99: ratio(mine.p99_ms, base.p99_ms),
        loadavg: readFileSync('/proc/loadavg', 'utf8').trim(),
      };
    } finally {
      pool.kill();
      await bench.stop();
    }
  },
};
