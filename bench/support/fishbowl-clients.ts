import { io } from 'socket.io-client';
import WebSocket from 'ws';

/**
 * A load generator, run as its own process (child_process.fork): holds many clients, joins them, fires
 * asks on a schedule and timestamps deliveries. Talks to the bench over IPC.
 *
 * Two kinds of client (`--client`):
 * - `raw` (default): a bare WebSocket speaking the Engine.IO v4 / Socket.IO v5 text protocol itself. A view
 *   is recognised by its frame prefix and only `version` and `now` are read from its first few hundred
 *   characters; nothing is JSON-parsed except acks. A real client is on its own machine and parses its one
 *   view at leisure; here thousands of clients share the api's two cores, so what the generator spends per
 *   view is taken from the server under test (and from the bare baseline alike).
 * - `socketio`: `socket.io-client`, which decodes and JSON-parses every packet (the figures until 2026-11-26).
 */

export type ClientKind = 'raw' | 'socketio';

export type WorkerRequest =
  | { id: number; type: 'connect'; kind: ClientKind; url: string; tokens: string[]; sessionId: string | null; event: string; part?: boolean }
  | { id: number; type: 'arm'; minVersion: number; timeoutMs: number }
  | { id: number; type: 'ask'; startAt: number; spreadMs: number; sessionId: string }
  | { id: number; type: 'close' };

interface Client {
  /** Position in `clients`, where the delivery time goes. */
  index: number;
  /** Resolves with the ack's first argument; rejects after timeoutMs. */
  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<any>;
  close(): void;
}

const clients: Client[] = [];
/** Per armed round: arrival instant and the view's `now` (the server's emit instant), per client. */
let armed: { minVersion: number; times: number[]; nows: number[]; remaining: number; done(): void } | null = null;
/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on this machine. */
const now = () => performance.timeOrigin + performance.now();
const reply = (id: number, body: Record<string, unknown>) => process.send!({ id, ...body });

/** A view arrived at client `c` (timestamp taken first, before anything else is done with it). */
function onView(c: Client, at: number, version: number, serverNow: number) {
  const a = armed;
  if (!a || !(version >= a.minVersion)) return;
  if (c.index >= 0 && Number.isNaN(a.times[c.index])) {
    a.times[c.index] = at;
    a.nows[c.index] = serverNow;
    if (--a.remaining === 0) a.done();
  }
}

function connectSocketIo(url: string, token: string, event: string): Promise<Client | null> {
  const socket = io(url, { auth: token ? { token } : undefined, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 30_000 });
  const client: Client = {
    index: -1,
    emitWithAck: (e, payload, timeoutMs) => socket.timeout(timeoutMs).emitWithAck(e, payload),
    close: () => socket.disconnect(),
  };
  socket.on(event, (payload: { version?: number; now?: number }) => onView(client, now(), payload?.version ?? NaN, payload?.now ?? NaN));
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', () => resolve(null));
  });
}

/** Views are canonical (keys sorted), so the top-level `version` is the last one in the text and `now` comes after `chairs`. */
const VERSION = /"version":(\d+)(?!.*"version":)/s;
const NOW = /"now":(\d+)/;
/** Enough to recognise a view packet; its fields are read from the whole text (a view is ~1 KB). */
const HEAD_CHARS = 240;

/**
 * One Socket.IO client over a raw WebSocket. Engine.IO v4: `0` open, `2` ping (answered `3`), `4` message;
 * Socket.IO v5 inside a message: `0` connect, `2` event, `3` ack, `4` connect error, each followed by
 * `/namespace,` (not for `/`), an optional ack id and the JSON arguments.
 */
function connectRaw(url: string, token: string, event: string): Promise<Client | null> {
  const u = new URL(url);
  const nsp = u.pathname === '/' || u.pathname === '' ? '' : `${u.pathname},`;
  const ws = new WebSocket(`ws://${u.host}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
  const viewPrefix = `42${nsp}["${event}",`;
  const ackPrefix = `43${nsp}`;
  const acks = new Map<number, (value: unknown) => void>();
  let nextAck = 0;
  const client: Client = {
    index: -1,
    emitWithAck(e, payload, timeoutMs) {
      const id = nextAck++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          acks.delete(id);
          reject(new Error('operation has timed out'));
        }, timeoutMs);
        acks.set(id, (value) => {
          clearTimeout(timer);
          resolve(value);
        });
        ws.send(`42${nsp}${id}${JSON.stringify([e, payload])}`);
      });
    },
    close: () => ws.close(),
  };
  return new Promise((resolve) => {
    let settled = false;
    const settle = (c: Client | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!c) ws.terminate();
      resolve(c);
    };
    const timer = setTimeout(() => settle(null), 30_000);
    ws.on('error', () => settle(null));
    ws.on('close', () => settle(null));
    ws.on('message', (data: Buffer) => {
      const at = now();
      const first = data[0];
      if (first === 0x34 /* '4' message */) {
        // The head tells a view packet; only views are decoded in full.
        const head = data.toString('latin1', 0, Math.min(data.length, viewPrefix.length + HEAD_CHARS));
        if (head.startsWith(viewPrefix)) {
          const text = data.toString('latin1');
          onView(client, at, Number(VERSION.exec(text)?.[1] ?? NaN), Number(NOW.exec(text)?.[1] ?? NaN));
          return;
        }
        const text = data.toString('utf8');
        if (text.startsWith(ackPrefix)) {
          const rest = text.slice(ackPrefix.length);
          const bracket = rest.indexOf('[');
          const done = acks.get(Number(rest.slice(0, bracket)));
          if (done) {
            acks.delete(Number(rest.slice(0, bracket)));
            done((JSON.parse(rest.slice(bracket)) as unknown[])[0]);
          }
        } else if (text.startsWith(`40${nsp}`)) settle(client);
        else if (text.startsWith(`44${nsp}`)) settle(null);
      } else if (first === 0x32 /* '2' ping */) ws.send('3');
      else if (first === 0x30 /* '0' open */) ws.send(`40${nsp}${token ? JSON.stringify({ token }) : ''}`);
    });
  });
}

async function connectAll(r: Extract<WorkerRequest, { type: 'connect' }>) {
  let failed = 0;
  const fresh: Client[] = [];
  const connectOne = r.kind === 'socketio' ? connectSocketIo : connectRaw;
  // A few hundred handshakes at a time: all at once only measures the accept queue.
  for (let i = 0; i < r.tokens.length; i += 200) {
    const batch = await Promise.all(r.tokens.slice(i, i + 200).map((t) => connectOne(r.url, t, r.event)));
    for (const c of batch) (c ? fresh.push(c) : failed++);
  }
  if (r.sessionId) {
    for (let i = 0; i < fresh.length; i += 200) {
      const acks = await Promise.all(fresh.slice(i, i + 200).map((c) => c.emitWithAck('fishbowl:join', { sessionId: r.sessionId }, 30_000).catch(() => null)));
      failed += acks.filter((a) => !a?.ok).length;
      // Joined once (the server knows their role) but not watching: no views to parse in this process.
      if (r.part) await Promise.all(fresh.slice(i, i + 200).map((c) => c.emitWithAck('fishbowl:part', { sessionId: r.sessionId }, 30_000).catch(() => null)));
    }
  }
  for (const c of fresh) c.index = clients.push(c) - 1;
  return { connected: fresh.length, failed, total: clients.length };
}

function arm(r: Extract<WorkerRequest, { type: 'arm' }>): Promise<{ times: number[]; nows: number[] }> {
  return new Promise((resolve) => {
    const times = clients.map(() => NaN);
    const nows = clients.map(() => NaN);
    const finish = () => {
      clearTimeout(timer);
      armed = null;
      resolve({ times, nows });
    };
    const timer = setTimeout(finish, r.timeoutMs);
    armed = { minVersion: r.minVersion, times, nows, remaining: clients.length, done: finish };
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
        c.emitWithAck('fishbowl:ask', { sessionId: r.sessionId, where: i % 2 ? 'hall' : 'remote' }, 60_000).then(
          (ack: { ok?: boolean; error?: { code: string } }) => {
            const t = now();
            lastAck = Math.max(lastAck, t);
            if (!ack.ok) errors[ack.error!.code] = (errors[ack.error!.code] ?? 0) + 1;
            else latencies.push(t - sent);
            done();
          },
          () => {
            lastAck = Math.max(lastAck, now());
            errors.TIMEOUT = (errors.TIMEOUT ?? 0) + 1;
            done();
          },
        );
      }, Math.max(0, at - Date.now()));
    });
    if (clients.length === 0) resolve({ latencies, errors, firstSent, lastAck });
  });
}

process.on('message', (r: WorkerRequest) => {
  void (async () => {
    try {
      if (r.type === 'connect') reply(r.id, await connectAll(r));
      else if (r.type === 'arm') reply(r.id, await arm(r));
      else if (r.type === 'ask') reply(r.id, await ask(r));
      else if (r.type === 'close') {
        for (const c of clients) c.close();
        reply(r.id, {});
        setTimeout(() => process.exit(0), 50);
      }
    } catch (error) {
      reply(r.id, { error: (error as Error).message });
    }
  })();
});
