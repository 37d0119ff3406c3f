import { io, type Socket } from 'socket.io-client';

/**
 * A load generator, run as its own process (child_process.fork): holds many socket.io clients,
 * joins them, fires asks on a schedule and timestamps deliveries. Talks to the bench over IPC.
 */

export type WorkerRequest =
  | { id: number; type: 'connect'; url: string; tokens: string[]; sessionId: string | null; event: string; part?: boolean }
  | { id: number; type: 'arm'; minVersion: number; timeoutMs: number }
  | { id: number; type: 'ask'; startAt: number; spreadMs: number; sessionId: string }
  | { id: number; type: 'close' };

interface Client {
  socket: Socket;
  received: number;
  /** Position in `clients`, where the delivery time goes. */
  index: number;
}

const clients: Client[] = [];
let armed: { minVersion: number; times: number[]; remaining: number; done(): void } | null = null;
/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();
const reply = (id: number, body: Record<string, unknown>) => process.send!({ id, ...body });

function connectOne(url: string, token: string, event: string): Promise<Client | null> {
  const socket = io(url, { auth: token ? { token } : undefined, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 30_000 });
  const client: Client = { socket, received: 0, index: -1 };
  socket.on(event, (payload: { version?: number }) => {
    client.received++;
    const a = armed;
    if (!a || typeof payload?.version !== 'number' || payload.version < a.minVersion) return;
    if (client.index >= 0 && Number.isNaN(a.times[client.index])) {
      a.times[client.index] = now();
      if (--a.remaining === 0) a.done();
    }
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', () => resolve(null));
  });
}

async function connectAll(r: Extract<WorkerRequest, { type: 'connect' }>) {
  let failed = 0;
  const fresh: Client[] = [];
  // A few hundred handshakes at a time: all at once only measures the accept queue.
  for (let i = 0; i < r.tokens.length; i += 200) {
    const batch = await Promise.all(r.tokens.slice(i, i + 200).map((t) => connectOne(r.url, t, r.event)));
    for (const c of batch) (c ? fresh.push(c) : failed++);
  }
  if (r.sessionId) {
    for (let i = 0; i < fresh.length; i += 200) {
      const acks = await Promise.all(fresh.slice(i, i + 200).map((c) => c.socket.timeout(30_000).emitWithAck('fishbowl:join', { sessionId: r.sessionId }).catch(() => null)));
      failed += acks.filter((a) => !a?.ok).length;
      // Joined once (the server knows their role) but not watching: no views to parse in this process.
      if (r.part) await Promise.all(fresh.slice(i, i + 200).map((c) => c.socket.timeout(30_000).emitWithAck('fishbowl:part', { sessionId: r.sessionId }).catch(() => null)));
    }
  }
  for (const c of fresh) c.index = clients.push(c) - 1;
  return { connected: fresh.length, failed, total: clients.length };
}

function arm(r: Extract<WorkerRequest, { type: 'arm' }>): Promise<number[]> {
  return new Promise((resolve) => {
    const times = clients.map(() => NaN);
    const finish = () => {
      clearTimeout(timer);
      armed = null;
      resolve(times);
    };
    const timer = setTimeout(finish, r.timeoutMs);
    armed = { minVersion: r.minVersion, times, remaining: clients.length, done: finish };
    if (clients.length === 0) finish();
  });
}

function ask(r: Extract<WorkerRequest, { type: 'ask' }>): Promise<{ latencies: number[]; errors: Record<string, number>; firstSent: number; lastAck: number }> {
  return new Promise((resolve) => {
    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    let pending = clients.length;
    let firstSent = Infinity;
    let lastAck = 0;
    const done = () => --pending === 0 && resolve({ latencies, errors, firstSent, lastAck });
    clients.forEach((c, i) => {
      const at = r.startAt + (r.spreadMs * (i + Math.random())) / clients.length;
      setTimeout(() => {
        const sent = now();
        firstSent = Math.min(firstSent, sent);
        c.socket.timeout(60_000).emit('fishbowl:ask', { sessionId: r.sessionId, where: i % 2 ? 'hall' : 'remote' }, (err: Error | null, ack: { ok?: boolean; error?: { code: string } }) => {
          const t = now();
          lastAck = Math.max(lastAck, t);
          if (err) errors.TIMEOUT = (errors.TIMEOUT ?? 0) + 1;
          else if (!ack.ok) errors[ack.error!.code] = (errors[ack.error!.code] ?? 0) + 1;
          else latencies.push(t - sent);
          done();
        });
      }, Math.max(0, at - Date.now()));
    });
    if (clients.length === 0) resolve({ latencies, errors, firstSent, lastAck });
  });
}

process.on('message', (r: WorkerRequest) => {
  void (async () => {
    try {
      if (r.type === 'connect') reply(r.id, await connectAll(r));
      else if (r.type === 'arm') reply(r.id, { times: await arm(r) });
      else if (r.type === 'ask') reply(r.id, await ask(r));
      else if (r.type === 'close') {
        for (const c of clients) c.socket.disconnect();
        reply(r.id, {});
        setTimeout(() => process.exit(0), 50);
      }
    } catch (error) {
      reply(r.id, { error: (error as Error).message });
    }
  })();
});
