import { io, type Socket } from 'socket.io-client';

/**
 * A load-generator process for the votes scenario (forked, driven over IPC): socket.io clients that
 * connect, optionally join, and each send one acked event at its instant in the spread.
 */
export type VoteWorkerRequest =
  | { id: number; type: 'connect'; url: string; tokens: string[]; join: { event: string; payload: unknown } | null }
  | { id: number; type: 'vote'; event: string; payload: unknown; startAt: number; spreadMs: number; offset: number; total: number }
  | { id: number; type: 'close' };

let clients: Socket[] = [];
const now = () => performance.timeOrigin + performance.now();

function connectOne(url: string, token: string): Promise<Socket | null> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 30_000 });
  // Views are received (the clients watch, as real screens do) and dropped.
  socket.onAny(() => undefined);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', () => resolve(null));
  });
}

async function connect(r: Extract<VoteWorkerRequest, { type: 'connect' }>) {
  let failed = 0;
  for (let i = 0; i < r.tokens.length; i += 100) {
    const batch = await Promise.all(r.tokens.slice(i, i + 100).map((t) => connectOne(r.url, t)));
    for (const c of batch) if (c) clients.push(c);
    failed += batch.filter((c) => !c).length;
  }
  if (r.join) {
    for (let i = 0; i < clients.length; i += 100) {
      const acks = await Promise.all(clients.slice(i, i + 100).map((c) => c.timeout(30_000).emitWithAck(r.join!.event, r.join!.payload).catch(() => null)));
      failed += acks.filter((a) => !a?.ok).length;
    }
  }
  return { connected: clients.length, failed };
}

/** Client k of this worker is voter offset+k of `total`: its instant is startAt + its share of the spread. */
function vote(r: Extract<VoteWorkerRequest, { type: 'vote' }>) {
  return new Promise<{ latencies: number[]; errors: Record<string, number> }>((resolve) => {
    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    let pending = clients.length;
    const done = () => --pending === 0 && resolve({ latencies, errors });
    if (pending === 0) resolve({ latencies, errors });
    clients.forEach((c, k) => {
      const at = r.startAt + ((r.offset + k) / r.total) * r.spreadMs;
      setTimeout(() => {
        const sent = now();
        c.timeout(60_000)
          .emitWithAck(r.event, r.payload)
          .then(
            (ack: { ok?: boolean; error?: { code: string } }) => {
              if (ack?.ok) latencies.push(now() - sent);
              else errors[ack?.error?.code ?? 'NO_ACK'] = (errors[ack?.error?.code ?? 'NO_ACK'] ?? 0) + 1;
            },
            () => (errors.TIMEOUT = (errors.TIMEOUT ?? 0) + 1),
          )
          .finally(done);
      }, Math.max(0, at - Date.now()));
    });
  });
}

process.on('message', (r: VoteWorkerRequest) => {
  const reply = (body: object) => process.send!({ id: r.id, ...body });
  const run = async () => {
    if (r.type === 'connect') reply(await connect(r));
    else if (r.type === 'vote') reply(await vote(r));
    else {
      for (const c of clients) c.disconnect();
      clients = [];
      reply({});
    }
  };
  run().catch((e: Error) => reply({ error: e.message }));
});
