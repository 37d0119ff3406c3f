// Every namespace and message is rate limited per socket and per address, sockets are capped per person and per
// address, and with Redis two api processes share those counts (issue 12, items 4 and 7).
import { randomBytes } from 'node:crypto';
import { Socket as EngineConnection } from 'engine.io-client';
import { io, type Socket } from 'socket.io-client';
import { connect } from '../fishbowl/support';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { TEST_REDIS_URL } from '../support/services';

type Ack = { ok?: true; conferenceId?: string; error?: { code: string; message: string; details?: { limit?: string; retryAfterSeconds?: number } } };
type Refusal = Error & { data?: { code: string; message: string; details?: { limit?: string } } };

/** The numbers as built (docs/security.md), written down here by hand. */
const PER_SOCKET = 100;
const PER_ADDRESS = 2500;
const WINDOW_MS = 5000;
const SOCKETS_PER_PERSON = 20;
const SOCKETS_PER_ADDRESS = 1000;
const CONNECTIONS_PER_ADDRESS = 2000;

/** A raw engine.io connection that never opens a namespace; resolves once it is open. */
function rawConnection(url: string): Promise<EngineConnection> {
  const conn = new EngineConnection(url, { path: '/socket.io/', transports: ['websocket'] });
  return new Promise((resolve, reject) => {
    conn.once('open', () => resolve(conn));
    conn.once('error', reject);
  });
}

function open(url: string, namespace: '/programme' | '/fishbowl', token?: string): Promise<Socket> {
  const socket = io(`${url}${namespace}`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => (socket.disconnect(), reject(error)));
  });
}

const refusalOf = (attempt: Promise<unknown>) => attempt.then(() => null, (e: Refusal) => e.data);
const subscribe = (socket: Socket, slug: string) => socket.timeout(20_000).emitWithAck('programme:subscribe', { slug }) as Promise<Ack>;
/** Fixed windows: start a flood right after a window begins, so it is not split over two. */
const windowStart = async () => {
  while (Date.now() % WINDOW_MS > 200) await new Promise((r) => setTimeout(r, 20));
};

async function publishedConference(app: TestApp): Promise<{ slug: string; id: string }> {
  const slug = `limits-${randomBytes(3).toString('hex')}`;
  const [row] = await app.podium.dataSource.query(
    `INSERT INTO conference (slug, title, start_date, end_date, timezone, published) VALUES ($1, 'Grenzen', current_date, current_date, 'Europe/Berlin', true) RETURNING id`,
    [slug],
  );
  return { slug, id: row.id };
}

describe('limits on sockets: one process', () => {
  let app: TestApp;
  let conference: { slug: string; id: string };
  const sockets: Socket[] = [];
  beforeAll(async () => {
    app = await startTestApp('sec-socket-limits', { livekit: false });
    conference = await publishedConference(app);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    // The server frees the places when it sees the disconnects.
    await new Promise((r) => setTimeout(r, 500));
  });
  afterAll(() => app?.stop());

  it('one anonymous socket flooding programme:subscribe gets RATE_LIMITED acks while the programme and /health answer correctly', async () => {
    const socket = await open(app.url, '/programme');
    sockets.push(socket);
    await windowStart();
    const flood = Promise.all(Array.from({ length: 1000 }, () => subscribe(socket, conference.slug)));
    // Asked while the flood is being answered: both must come back 200 with the right data before it ends.
    let floodDone = false;
    void flood.then(() => (floodDone = true));
    const [programme, health] = await Promise.all([api(app.url, 'GET', `/api/conferences/${conference.slug}/programme`), api(app.url, 'GET', '/health')]);
    expect(programme.status).toBe(200);
    expect(programme.body.conference).toMatchObject({ slug: conference.slug, title: 'Grenzen' });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const acks = await flood;
    expect(floodDone).toBe(true);
    const limited = acks.filter((a) => a.error?.code === 'RATE_LIMITED');
    // One window's budget, two if the flood happens to cross into the next window.
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(PER_SOCKET);
    expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(2 * PER_SOCKET);
    expect(limited.length).toBe(1000 - acks.filter((a) => a.ok).length);
    expect(limited[0].error!.details).toMatchObject({ limit: 'event' });
    expect(acks.every((a) => a.ok ? a.conferenceId === conference.id : a.error?.code === 'RATE_LIMITED')).toBe(true);
  });

  it('a flood spread over many sockets of one address hits the per-address limit', async () => {
    const many = await Promise.all(Array.from({ length: 70 }, () => open(app.url, '/programme')));
    sockets.push(...many);
    await windowStart();
    // 90 per socket stays under the per-socket budget; 70 x 90 = 6300 is more than two windows' worth of the address budget.
    const acks = (await Promise.all(many.map((s) => Promise.all(Array.from({ length: 90 }, () => subscribe(s, conference.slug)))))).flat();
    const limited = acks.filter((a) => a.error?.code === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThan(0);
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(PER_ADDRESS);
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
  });

  it(`caps one person at ${SOCKETS_PER_PERSON} sockets over all namespaces, refusing the next handshake with RATE_LIMITED`, async () => {
    const person = await signIn(app, 'attendee', 'Viele Tabs', conference.slug);
    for (let i = 0; i < SOCKETS_PER_PERSON; i++) sockets.push(await open(app.url, i % 2 ? '/programme' : '/fishbowl', person.token));
    const refused = await refusalOf(open(app.url, '/fishbowl', person.token));
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'sockets-per-person' } });
    expect(refused!.message).toMatch(/Too many open connections for this person/);
    expect(await refusalOf(open(app.url, '/programme', person.token))).toMatchObject({ code: 'RATE_LIMITED' });
    // Someone else is not affected, and a closed socket frees its place.
    const other = await signIn(app, 'attendee', 'Andere', conference.slug);
    sockets.push(await open(app.url, '/fishbowl', other.token));
    const closing = sockets.shift()!;
    await new Promise<void>((resolve) => {
      closing.once('disconnect', () => resolve());
      closing.disconnect();
    });
    await new Promise((r) => setTimeout(r, 200));
    sockets.push(await open(app.url, '/fishbowl', person.token));
  });

  it(`caps one address at ${SOCKETS_PER_ADDRESS} sockets`, async () => {
    const opened = await Promise.all(Array.from({ length: SOCKETS_PER_ADDRESS }, () => open(app.url, '/programme').catch((e: Refusal) => e)));
    for (const s of opened) if (!(s instanceof Error)) sockets.push(s);
    expect(opened.filter((s) => s instanceof Error)).toEqual([]);
    expect(await refusalOf(open(app.url, '/programme'))).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'sockets-per-address' } });
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
  }, 120_000);

  it(`closes raw engine.io connections (no namespace) beyond ${CONNECTIONS_PER_ADDRESS} per address`, async () => {
    const raw = await Promise.all(Array.from({ length: CONNECTIONS_PER_ADDRESS }, () => rawConnection(app.url)));
    try {
      const extra = await rawConnection(app.url);
      const extraClosed = await new Promise<string>((resolve) => extra.once('close', (reason: string) => resolve(reason)));
      expect(extraClosed).toBe('transport close');
      // The ones within the cap are still open.
      expect(raw.filter((c) => c.readyState !== 'open')).toHaveLength(0);
      expect((await api(app.url, 'GET', '/health')).status).toBe(200);
    } finally {
      for (const c of raw) c.close();
    }
  }, 120_000);
});

describe('limits on sockets: two api processes over Redis', () => {
  let first: TestApp;
  let second: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Its own Redis database: the address counts of 127.0.0.1 must not mix with other test files'.
    const env = { REDIS_URL: `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/11` };
    first = await startTestApp('sec-socket-limits-redis', { livekit: false, env });
    second = await startTestApp('sec-socket-limits-redis', { livekit: false, env, database: first.database });
  });
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await second?.stop();
    await first?.stop();
  });

  it('shares the per-person socket cap: the 21st socket is refused on the other process', async () => {
    const conference = await publishedConference(first);
    const person = await signIn(first, 'attendee', 'Zwei Prozesse', conference.slug);
    for (let i = 0; i < SOCKETS_PER_PERSON / 2; i++) sockets.push(await open(first.url, '/fishbowl', person.token));
    for (let i = 0; i < SOCKETS_PER_PERSON / 2; i++) sockets.push(await open(second.url, '/programme', person.token));
    expect(await refusalOf(open(second.url, '/fishbowl', person.token))).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'sockets-per-person' } });
    expect(await refusalOf(open(first.url, '/programme', person.token))).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'sockets-per-person' } });
  });

  it('shares the per-address message budget: floods on both processes together hit it', async () => {
    const conference = await publishedConference(first);
    const onFirst = await Promise.all(Array.from({ length: 30 }, () => open(first.url, '/programme')));
    const onSecond = await Promise.all(Array.from({ length: 30 }, () => open(second.url, '/programme')));
    sockets.push(...onFirst, ...onSecond);
    await windowStart();
    // Each process alone sees 30 x 80 = 2400 messages (under the address budget); together 4800 are over it.
    const from = Date.now();
    const acks = (await Promise.all([...onFirst, ...onSecond].map((s) => Promise.all(Array.from({ length: 80 }, () => subscribe(s, conference.slug)))))).flat();
    // A flood slowed by a busy machine may run into the next 5 s window, which brings a fresh budget.
    const windows = Math.floor(Date.now() / 5000) - Math.floor(from / 5000) + 1;
    expect(acks.filter((a) => a.error?.code === 'RATE_LIMITED').length).toBeGreaterThan(0);
    expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(PER_ADDRESS * windows);
  });
});
