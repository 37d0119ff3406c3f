import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import type { ChatWorkerRequest } from '../support/chat-clients';
import { now, setupFishbowl, trigger } from '../support/fishbowl';
import type { BenchOptions } from '../support/options';
import { processCpuMs } from '../support/process-cpu';
import { progress } from '../support/progress';
import { ratio, round, summarise } from '../support/stats';
import type { Scenario } from './index';

/** Chat load generators in their own processes; clients spread evenly. */
class ChatPool {
  private next = 1;
  private readonly waiting = new Map<number, (body: any) => void>();
  private constructor(private readonly workers: ChildProcess[]) {
    for (const w of workers) w.on('message', (m: { id: number }) => this.waiting.get(m.id)?.(m));
  }
  static start(count: number): ChatPool {
    return new ChatPool(Array.from({ length: count }, () => fork(join(__dirname, '..', 'support', 'chat-clients.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })));
  }
  private all<T>(request: (i: number) => Omit<ChatWorkerRequest, 'id'>): Promise<T[]> {
    return Promise.all(
      this.workers.map(
        (w, i) =>
          new Promise<T>((resolve, reject) => {
            const id = this.next++;
            this.waiting.set(id, (body) => (this.waiting.delete(id), body.error ? reject(new Error(body.error)) : resolve(body)));
            w.send({ ...request(i), id });
          }),
      ),
    );
  }
  async connect(url: string, tokens: string[], roomId: string) {
    const r = await this.all<{ connected: number; failed: number }>((i) => ({ type: 'connect', url, roomId, tokens: tokens.filter((_, k) => k % this.workers.length === i) }));
    return { connected: r.reduce((s, x) => s + x.connected, 0), failed: r.reduce((s, x) => s + x.failed, 0) };
  }
  async collect() {
    const r = await this.all<{ latencies: number[]; received: number }>(() => ({ type: 'collect' }));
    return { latencies: r.flatMap((x) => x.latencies), received: r.reduce((s, x) => s + x.received, 0) };
  }
  /** CPU milliseconds the generator processes have used so far. */
  cpuMs(): number {
    return this.workers.reduce((sum, w) => sum + (processCpuMs(w.pid) ?? 0), 0);
  }
  async close() {
    await this.all(() => ({ type: 'close' }));
    for (const w of this.workers) w.kill();
  }
}

/** `count` posts at `rate` per second, round-robin over the senders; each text carries its send instant. */
async function send(senders: Socket[], roomId: string, rate: number, count: number): Promise<{ acked: number; refused: Record<string, number>; ack: ReturnType<typeof summarise> }> {
  const start = now() + 100;
  const acks: number[] = [];
  const refused: Record<string, number> = {};
  let acked = 0;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const at = start + (i * 1000) / rate;
    const wait = at - now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const t0 = now();
    pending.push(
      senders[i % senders.length]
        .timeout(10_000)
        .emitWithAck('chat:post', { roomId, messageId: randomUUID(), text: `Nachricht ${i} t=${t0.toFixed(1)}` })
        .then(
          (ack: { ok?: true; error?: { code: string; details?: { reason?: string } } }) => {
            if (ack.ok) (acked++, acks.push(now() - t0));
            else refused[ack.error?.details?.reason ?? ack.error?.code ?? '?'] = (refused[ack.error?.details?.reason ?? ack.error?.code ?? '?'] ?? 0) + 1;
          },
          () => void (refused.timeout = (refused.timeout ?? 0) + 1),
        ),
    );
  }
  await Promise.all(pending);
  return { acked, refused, ack: summarise(acks) };
}

/** One side (ours or the bare server): clients join, senders post, then the deliveries are counted. */
async function measure(url: string, serverPid: number | undefined, clientTokens: string[], senderTokens: (string | null)[], roomId: string, rate: number, count: number, workers: number, committed: (s: Socket) => Promise<number>) {
  const pool = ChatPool.start(workers);
  try {
    return await measureWith(pool, url, serverPid, clientTokens, senderTokens, roomId, rate, count, committed);
  } finally {
    // Also on a failure: the generators' open sockets would keep them alive after the bench.
    await pool.close();
  }
}

async function measureWith(pool: ChatPool, url: string, serverPid: number | undefined, clientTokens: string[], senderTokens: (string | null)[], roomId: string, rate: number, count: number, committed: (s: Socket) => Promise<number>) {
  const joined = await pool.connect(url, clientTokens, roomId);
  progress(`${joined.connected} clients in the room (${joined.failed} failed)`);
  const senders = await Promise.all(senderTokens.map((t) => trigger(`${url}/chat`, t)));
  await Promise.all(senders.map((s) => s.timeout(30_000).emitWithAck('chat:join', { roomId })));
  const load = [readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')];
  // CPU time, unlike latency, says what the server itself spent while the machine is shared.
  const cpu0 = { server: processCpuMs(serverPid), generators: pool.cpuMs() };
  const sent = await send(senders, roomId, rate, count);
  // Deliveries still on their way: wait until they stop coming (at most 10 s).
  // Posts whose ack timed out may still have been committed and sent: count what the server committed.
  const messages = await committed(senders[0]);
  let last = -1;
  let seen = { latencies: [] as number[], received: 0 };
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const part = await pool.collect();
    seen = { latencies: seen.latencies.concat(part.latencies), received: seen.received + part.received };
    if (seen.received === last || seen.received >= messages * joined.connected) break;
    last = seen.received;
  }
  load.push(readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '));
  const server1 = processCpuMs(serverPid);
  const serverCpuMs = server1 === null || cpu0.server === null ? null : Math.round(server1 - cpu0.server);
  const generatorsCpuMs = Math.round(pool.cpuMs() - cpu0.generators);
  for (const s of senders) s.disconnect();
  const expected = messages * joined.connected;
  return {
    clients: joined.connected,
    messages,
    acked: sent.acked,
    attempted: count,
    refused: sent.refused,
    deliveries: seen.received,
    delivered: expected ? round(seen.received / expected, 4) : 0,
    ...summarise(seen.latencies),
    ack: sent.ack,
    server_cpu_ms: serverCpuMs,
    generators_cpu_ms: generatorsCpuMs,
    loadavg_before_after: load,
  };
}

function startBareChat(): Promise<{ url: string; pid: number | undefined; stop(): void }> {
  const child = fork(join(__dirname, '..', 'support', 'bare-chat.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve) => child.once('message', (m: { port: number }) => resolve({ url: `http://127.0.0.1:${m.port}`, pid: child.pid, stop: () => child.kill('SIGTERM') })));
}

export const chat: Scenario = {
  name: 'chat',
  summary: 'N clients in one session chat, --rate messages per second for --duration-s from --senders people (--clients 2000 --rate 50 --duration-s 20 --senders 50 --workers 2), against a bare Socket.IO relay',
  async run(options: BenchOptions) {
    const clients = options.int('clients', 2000);
    const rate = Math.max(1, options.int('rate', 50));
    const durationS = options.int('duration-s', 20);
    const senderCount = Math.max(1, options.int('senders', 50));
    const workers = Math.max(1, options.int('workers', 2));
    const count = rate * durationS;
    const bench = await setupFishbowl(clients + senderCount, 1);
    const roomId = `session:${bench.sessionId}`;
    try {
      progress(`ours: ${clients} clients, ${count} messages at ${rate}/s from ${senderCount} senders`);
      const ours = await measure(bench.apis[0].url, bench.apis[0].pid, bench.tokens.slice(0, clients), bench.tokens.slice(clients, clients + senderCount), roomId, rate, count, workers, async () =>
        Number((await bench.db.query('SELECT count(*)::int AS n FROM chat_message WHERE room_id = $1', [roomId]))[0].n),
      );
      progress(`ours: delivered ${ours.delivered}, p99 ${ours.p99_ms} ms; now the bare Socket.IO relay`);
      const bare = await startBareChat();
      // A relay that falls too far behind to answer its count still leaves our figures to print.
      const baseline = await measure(bare.url, bare.pid, Array.from({ length: clients }, () => ''), Array.from({ length: senderCount }, () => null), roomId, rate, count, workers, async (s) => (await s.timeout(120_000).emitWithAck('chat:count')) as number).catch((e: Error) => ({ failed: e.message }) as const);
      bare.stop();
      if ('failed' in baseline) return { clients: ours.clients, messages: ours.messages, delivered: ours.delivered, p50_ms: ours.p50_ms, p99_ms: ours.p99_ms, baseline: { failed: baseline.failed }, ratio_p99: null, ours, rate, senders: senderCount, sending_s: durationS };
      return {
        clients: ours.clients,
        messages: ours.messages,
        delivered: ours.delivered,
        p50_ms: ours.p50_ms,
        p99_ms: ours.p99_ms,
        baseline: { clients: baseline.clients, messages: baseline.messages, acked: baseline.acked, delivered: baseline.delivered, p50_ms: baseline.p50_ms, p99_ms: baseline.p99_ms, max_ms: baseline.max_ms, server_cpu_ms: baseline.server_cpu_ms, generators_cpu_ms: baseline.generators_cpu_ms, loadavg_before_after: baseline.loadavg_before_after },
        ratio_p99: ratio(ours.p99_ms, baseline.p99_ms),
        ratio_server_cpu: ours.server_cpu_ms === null || baseline.server_cpu_ms === null ? null : ratio(ours.server_cpu_ms, baseline.server_cpu_ms),
        ours,
        rate,
        senders: senderCount,
        sending_s: durationS,
        latency: 'arrival at the client - the instant the sender sent the post (one machine, one clock)',
      };
    } finally {
      await bench.stop();
    }
  },
};
