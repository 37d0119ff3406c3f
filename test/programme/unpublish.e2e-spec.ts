import { io, type Socket } from 'socket.io-client';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { TEST_REDIS_URL } from '../support/services';
import { expectStatus, makeConference, platformOrganiser, type Organiser } from './support';

interface Change {
  conferenceId: string;
  reason: string;
  sessions: Array<{ id: string; delayMinutes: number }>;
}
interface Notice {
  conferenceId: string;
  reason: string;
}
interface Follower {
  name: string;
  socket: Socket;
  changes: Change[];
  notices: Notice[];
}

/** A /programme client (anonymous without a token) subscribed to one conference, collecting pushes and notices. */
async function follow(name: string, url: string, slug: string, token?: string): Promise<Follower> {
  const socket = io(`${url}/programme`, { transports: ['websocket'], reconnection: false, auth: token ? { token } : {} });
  const f: Follower = { name, socket, changes: [], notices: [] };
  socket.on('programme:changed', (c: Change) => f.changes.push(c));
  socket.on('programme:unavailable', (n: Notice) => f.notices.push(n));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await socket.timeout(5000).emitWithAck('programme:subscribe', { slug });
  if (!ack.ok) throw new Error(`${name}: subscribe refused: ${JSON.stringify(ack)}`);
  return f;
}

/** Resolves once `check` holds, polling the collected pushes (fails after 5 s with what was seen). */
async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within 5 s: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A round trip on the socket: the server writes packets to one socket in order, so anything it sent this
 * socket before answering has arrived once the ack is here.
 */
const drained = (f: Follower) => f.socket.timeout(5000).emitWithAck('programme:unsubscribe', { conferenceId: 'nothing' });

const delaysOf = (f: Follower, sessionId: string) => f.changes.flatMap((c) => c.sessions.filter((s) => s.id === sessionId).map((s) => s.delayMinutes));

describe('programme: unpublishing or deleting a conference cuts off live followers who may no longer see it (two api processes over Redis)', () => {
  let a: TestApp;
  let b: TestApp;
  let orga: Organiser;

  beforeAll(async () => {
    a = await startTestApp('prog_unpublish', { livekit: false, seedDemo: false, env: { REDIS_URL: TEST_REDIS_URL, PROGRAMME_TICK_SECONDS: '0' } });
    b = await startTestApp('prog_unpublish_b', { livekit: false, seedDemo: false, env: { REDIS_URL: TEST_REDIS_URL, PROGRAMME_TICK_SECONDS: '0' }, database: a.database });
    orga = await platformOrganiser(a);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  const session = async (slug: string, roomId: string) => {
    const res = await api(a.url, 'POST', `/api/conferences/${slug}/sessions`, {
      token: orga.token,
      body: { kind: 'panel', title: 'Eröffnung', start: '2031-07-01T10:00', end: '2031-07-01T11:00', roomId },
    });
    expectStatus(res, 201);
    return res.body.id as string;
  };
  const delay = async (sessionId: string, minutes: number) =>
    expectStatus(await api(a.url, 'POST', `/api/sessions/${sessionId}/delay`, { token: orga.token, body: { minutes } }), 200);

  it('unpublish: anonymous followers and people without a role there get the notice and nothing after; its organisers and attendees keep following', async () => {
    const conf = await makeConference(a, orga, { slug: 'verborgen-2031', title: 'Verborgen', startDate: '2031-07-01', days: 1 });
    const other = await makeConference(a, orga, { slug: 'anderswo-2031', title: 'Anderswo', startDate: '2031-07-01', days: 1 });
    const id = await session(conf.slug, conf.rooms[0].id);
    const organiser = await signIn(a, 'organiser', 'Olga Orga', conf.slug);
    const attendee = await signIn(a, 'attendee', 'Anna Teil', conf.slug);
    const outsider = await signIn(a, 'attendee', 'Otto Anderswo', other.slug);

    // Each kind of follower on both processes: the cut must reach sockets of the process that did not unpublish.
    const cut: Follower[] = [];
    const kept: Follower[] = [];
    for (const [app, p] of [[a, 'a'], [b, 'b']] as const) {
      cut.push(await follow(`anonymous@${p}`, app.url, conf.slug), await follow(`outsider@${p}`, app.url, conf.slug, outsider.token));
      kept.push(await follow(`organiser@${p}`, app.url, conf.slug, organiser.token), await follow(`attendee@${p}`, app.url, conf.slug, attendee.token));
    }
    const everyone = [...cut, ...kept];
    try {
      await delay(id, 5);
      await until('everyone sees the 5-minute delay', () => everyone.every((f) => delaysOf(f, id).includes(5)));

      expectStatus(await api(a.url, 'PATCH', `/api/conferences/${conf.slug}`, { token: orga.token, body: { published: false } }), 200);
      await until('the cut followers get the notice', () => cut.every((f) => f.notices.length > 0));
      for (const f of cut) expect({ who: f.name, notices: f.notices }).toEqual({ who: f.name, notices: [{ conferenceId: conf.id, reason: 'unpublished' }] });

      await delay(id, 10);
      await until('organisers and attendees see the 10-minute delay', () => kept.every((f) => delaysOf(f, id).includes(10)));
      for (const f of kept) await drained(f);
      for (const f of cut) await drained(f);
      for (const f of cut) expect({ who: f.name, delays: delaysOf(f, id) }).toEqual({ who: f.name, delays: [5] });
      for (const f of kept) expect({ who: f.name, delays: delaysOf(f, id), notices: f.notices }).toEqual({ who: f.name, delays: [5, 10], notices: [] });

      // Subscribing again is refused exactly as for a conference that does not exist.
      const again = await cut[1].socket.timeout(5000).emitWithAck('programme:subscribe', { slug: conf.slug });
      expect(again).toMatchObject({ error: { code: 'NOT_FOUND' } });
      // A second sweep (after the subscribe cache's lifetime) tells nobody twice.
      await new Promise((r) => setTimeout(r, 3000));
      for (const f of everyone) await drained(f);
      for (const f of cut) expect(f.notices).toHaveLength(1);
      for (const f of kept) expect(f.notices).toEqual([]);
    } finally {
      for (const f of everyone) f.socket.disconnect();
    }
  }, 60_000);

  it('republishing changes nothing for whoever follows; publishing a conference cuts nobody off', async () => {
    const conf = await makeConference(a, orga, { slug: 'entwurf-2031', title: 'Entwurf', startDate: '2031-07-01', days: 1, published: false });
    const id = await session(conf.slug, conf.rooms[0].id);
    const organiser = await signIn(a, 'organiser', 'Erika Entwurf', conf.slug);
    const follower = await follow('organiser@b', b.url, conf.slug, organiser.token);
    try {
      expectStatus(await api(a.url, 'PATCH', `/api/conferences/${conf.slug}`, { token: orga.token, body: { published: true } }), 200);
      await delay(id, 5);
      await until('the organiser sees the delay', () => delaysOf(follower, id).includes(5));
      await drained(follower);
      expect(follower.notices).toEqual([]);
    } finally {
      follower.socket.disconnect();
    }
  });

  it('delete: every follower, its organisers too, gets the notice and leaves the room', async () => {
    const conf = await makeConference(a, orga, { slug: 'geloescht-2031', title: 'Gelöscht', startDate: '2031-07-01', days: 1 });
    const organiser = await signIn(a, 'organiser', 'Gerd Gelöscht', conf.slug);
    const followers = [await follow('anonymous@a', a.url, conf.slug), await follow('organiser@b', b.url, conf.slug, organiser.token)];
    try {
      expectStatus(await api(a.url, 'DELETE', `/api/conferences/${conf.slug}?confirm=${conf.slug}`, { token: orga.token }), 204);
      await until('both get the notice', () => followers.every((f) => f.notices.length > 0));
      for (const f of followers) expect(f.notices).toEqual([{ conferenceId: conf.id, reason: 'deleted' }]);
      const again = await followers[1].socket.timeout(5000).emitWithAck('programme:subscribe', { slug: conf.slug });
      expect(again).toMatchObject({ error: { code: 'NOT_FOUND' } });
    } finally {
      for (const f of followers) f.socket.disconnect();
    }
  });
});
