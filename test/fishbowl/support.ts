import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import type { FishbowlAck, FishbowlJoinAck, FishbowlView } from '@podium/contracts';
import { SessionTokens } from '../../apps/api/src/identity/session-tokens';
import type { TestApp } from '../support/app';
import { signIn } from '../support/people';

export interface Person {
  personId: string;
  token: string;
  name: string;
}

type SessionPerson = { personId: string; role: 'moderator' | 'speaker' | 'interpreter' };

/** A conference with one fishbowl session running around now; optional session people (fixed chairs). */
export async function createFishbowl(db: DataSource, people: SessionPerson[] = []) {
  const slug = `fb-${randomBytes(4).toString('hex')}`;
  const [conference] = await db.query(
    `INSERT INTO conference (slug, title, start_date, end_date, timezone, published) VALUES ($1, 'Fishbowl test', current_date, current_date, 'Europe/Berlin', true) RETURNING id`,
    [slug],
  );
  const [session] = await db.query(
    `INSERT INTO session (conference_id, kind, title, starts_at, ends_at) VALUES ($1, 'fishbowl', 'Aktuelle Stunde', now() - interval '10 minutes', now() + interval '2 hours') RETURNING id`,
    [conference.id],
  );
  await seatPeople(db, session.id, people);
  return { slug, conferenceId: conference.id as string, sessionId: session.id as string };
}

/** Session people in this order (positions 0, 1, …): the fishbowl's fixed chairs on first use. */
export async function seatPeople(db: DataSource, sessionId: string, people: SessionPerson[]): Promise<void> {
  for (const [i, p] of people.entries()) {
    await db.query(`INSERT INTO session_person (session_id, person_id, role, position) VALUES ($1, $2, $3, $4)`, [sessionId, p.personId, p.role, i]);
  }
}

/** A fishbowl whose moderator (signed in over HTTP) and a panelist hold the fixed chairs, in that order, on first use. */
export async function moderatedFishbowl(app: TestApp) {
  const db = app.podium.dataSource;
  const fishbowl = await createFishbowl(db);
  const moderator = await signIn(app, 'moderator', 'Mona Moderatorin', fishbowl.slug);
  const [panelist] = await createPeople(app, fishbowl.conferenceId, 1, 'speaker', 'Paul Panel');
  await seatPeople(db, fishbowl.sessionId, [{ personId: moderator.personId, role: 'moderator' }, { personId: panelist.personId, role: 'speaker' }]);
  return { ...fishbowl, moderator, panelist };
}

/** Many signed-in people at once: one INSERT for the people, one for their roles, tokens signed by the app's SessionTokens. */
export async function createPeople(app: TestApp, conferenceId: string, count: number, role = 'attendee', prefix = 'Gast'): Promise<Person[]> {
  return insertPeople(app.podium.dataSource, app.podium.app.get(SessionTokens), conferenceId, count, role, prefix);
}

/** The same SessionTokens the api builds, for an api running in another process with this secret. */
export function sessionTokens(secret: string): SessionTokens {
  return new SessionTokens(new JwtService({ secret, signOptions: { algorithm: 'HS256', expiresIn: 3600, issuer: 'podium' } }));
}

export async function insertPeople(db: DataSource, tokens: SessionTokens, conferenceId: string, count: number, role = 'attendee', prefix = 'Gast'): Promise<Person[]> {
  const rows: { id: string; display_name: string }[] = await db.query(
    `INSERT INTO person (display_name) SELECT $1 || ' ' || lpad(i::text, 4, '0') FROM generate_series(1, $2) AS i RETURNING id, display_name`,
    [prefix, count],
  );
  await db.query(`INSERT INTO conference_role (conference_id, person_id, role) SELECT $1, unnest($2::uuid[]), $3`, [conferenceId, rows.map((r) => r.id), role]);
  return Promise.all(rows.map(async (r) => ({ personId: r.id, name: r.display_name, token: await tokens.sign({ sub: r.id }) })));
}

export type Client = Socket & { views: FishbowlView[]; latest(): FishbowlView | undefined };

/** A real socket.io client on /fishbowl that keeps every view it receives. */
export function connect(url: string, token: string, options: { reconnection?: boolean } = {}): Promise<Client> {
  const socket = io(`${url}/fishbowl`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    forceNew: true,
  }) as Client;
  socket.views = [];
  socket.latest = () => socket.views.reduce<FishbowlView | undefined>((a, v) => (!a || v.version >= a.version ? v : a), undefined);
  socket.on('fishbowl:state', (view: FishbowlView) => socket.views.push(view));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

export function send<T = FishbowlAck>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

export async function join(socket: Client, sessionId: string): Promise<FishbowlView> {
  const ack = await send<FishbowlJoinAck>(socket, 'fishbowl:join', { sessionId });
  if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack.error)}`);
  return ack.view;
}

/** A client that re-joins on every (re)connect, as the web client does; kept in `opened` for cleanup. */
export async function follow(url: string, person: Person, sessionId: string, opened: { disconnect(): void }[]): Promise<Client> {
  const socket = await connect(url, person.token);
  opened.push(socket);
  socket.on('connect', () => void join(socket, sessionId).catch(() => undefined));
  await join(socket, sessionId);
  return socket;
}

/** Sends a command that must succeed and returns the fishbowl's new version. */
export async function ok(socket: Client, event: string, payload: Record<string, unknown>): Promise<number> {
  const ack = await send(socket, event, payload);
  if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
  return ack.version;
}

/** `ok` for one fishbowl: its session id goes into every payload. */
export const okIn =
  (sessionId: string) =>
  (socket: Client, event: string, payload: Record<string, unknown> = {}): Promise<number> =>
    ok(socket, event, { sessionId, ...payload });

/** Waits until the client's newest view satisfies the predicate. */
export async function until(socket: Client, predicate: (v: FishbowlView) => boolean, timeoutMs = 10_000): Promise<FishbowlView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = socket.latest();
    if (v && predicate(v)) return v;
    if (Date.now() > deadline) throw new Error(`no matching view within ${timeoutMs} ms; latest version ${v?.version}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What must be identical on every screen and across restarts (the clock-dependent fields left out). */
export function essence(v: FishbowlView) {
  return {
    version: v.version,
    status: v.status,
    settings: v.settings,
    chairs: v.chairs.map((c) => ({ index: c.index, kind: c.kind, occupant: c.occupant?.personId ?? null, heldFor: c.heldFor?.personId ?? null })),
    queue: v.queue.map((q) => [q.position, q.personId, q.invited]),
    queueLength: v.queueLength,
    queueOrder: v.queueOrder,
    round: v.round && { number: v.round.number, endsAt: v.round.endsAt },
    rotation: v.rotation?.personId ?? null,
    nextDeadline: v.nextDeadline,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
