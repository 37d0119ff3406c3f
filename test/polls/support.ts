import { io, type Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import type { PollsJoinAck, PollsMineWire, PollsViewWire, ReactionCountsWire } from '@podium/contracts';

export type PollClient = Socket & { views: PollsViewWire[]; mine: PollsMineWire[]; latest(): PollsViewWire | undefined };
export type ReactionClient = Socket & { batches: ReactionCountsWire[] };

const options = (token: string) => ({ auth: { token }, transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1000, forceNew: true });

function connected<T extends Socket>(socket: T): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

/** A real client on /polls that keeps every view and every `polls:mine` it receives. */
export function connectPolls(url: string, token: string): Promise<PollClient> {
  const socket = io(`${url}/polls`, options(token)) as PollClient;
  socket.views = [];
  socket.mine = [];
  socket.latest = () => socket.views.reduce<PollsViewWire | undefined>((a, v) => (!a || v.version >= a.version ? v : a), undefined);
  socket.on('polls:state', (v: PollsViewWire) => socket.views.push(v));
  socket.on('polls:mine', (m: PollsMineWire) => socket.mine.push(m));
  return connected(socket);
}

export function connectReactions(url: string, token: string): Promise<ReactionClient> {
  const socket = io(`${url}/reactions`, options(token)) as ReactionClient;
  socket.batches = [];
  socket.on('reactions:counts', (b: ReactionCountsWire) => socket.batches.push(b));
  return connected(socket);
}

export type Ack = { ok?: boolean; version?: number; error?: { code: string; message: string; details?: { reason?: string } } };

export function send<T = Ack>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** The ack or a readable failure: for steps that must succeed. */
export async function ok(socket: Socket, event: string, payload: unknown): Promise<number> {
  const ack = await send(socket, event, payload);
  if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
  return ack.version ?? 0;
}

/** `code:reason` of a refusal, or 'ok'. */
export async function outcome(socket: Socket, event: string, payload: unknown): Promise<string> {
  const ack = await send(socket, event, payload);
  return ack.ok ? 'ok' : `${ack.error?.code}:${ack.error?.details?.reason ?? ''}`;
}

export async function joinPolls(socket: PollClient, sessionId: string, mode?: 'hall' | 'remote') {
  const ack = await send<PollsJoinAck>(socket, 'polls:join', mode ? { sessionId, mode } : { sessionId });
  if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack.error)}`);
  return ack;
}

export async function until(socket: PollClient, predicate: (v: PollsViewWire) => boolean, timeoutMs = 10_000): Promise<PollsViewWire> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = socket.latest();
    if (v && predicate(v)) return v;
    if (Date.now() > deadline) throw new Error(`no matching polls view within ${timeoutMs} ms; latest version ${v?.version}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A session of any kind (a talk): polls are not tied to fishbowls. */
export async function createTalk(db: DataSource, conferenceId: string): Promise<string> {
  const [session] = await db.query(
    `INSERT INTO session (conference_id, kind, title, starts_at, ends_at) VALUES ($1, 'talk', 'Haushalt 2027', now() - interval '5 minutes', now() + interval '1 hour') RETURNING id`,
    [conferenceId],
  );
  return session.id as string;
}

/** A results row as [label, hall, remote, total, percent]: compared with hand-written tables. */
export const rowsOf = (v: PollsViewWire, pollId: string) => v.polls.find((p) => p.id === pollId)?.results?.rows.map((r) => [r.label, r.hall, r.remote, r.total, r.percent]);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
