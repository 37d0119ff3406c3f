import { io, type Socket } from 'socket.io-client';
import { LifecycleScheduler, type TickResult } from '../../apps/api/src/programme/lifecycle-scheduler';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { TEST_REDIS_URL } from '../support/services';
import { expectStatus, makeConference, platformOrganiser, type Organiser } from './support';

const MINUTE = 60_000;

interface Change {
  conferenceId: string;
  reason: string;
  sessions: Array<{ id: string; status: string; delayMinutes: number; shownStart: string }>;
  removed?: string[];
}

/** An anonymous client of the /programme namespace, subscribed to one conference, collecting pushes. */
async function follow(url: string, slug: string): Promise<{ socket: Socket; changes: Change[]; next(pred: (c: Change) => boolean): Promise<Change> }> {
  const socket = io(`${url}/programme`, { transports: ['websocket'], reconnection: false });
  const changes: Change[] = [];
  const waiting: Array<{ pred: (c: Change) => boolean; resolve: (c: Change) => void }> = [];
  socket.on('programme:changed', (c: Change) => {
    changes.push(c);
    for (const w of waiting.splice(0)) (w.pred(c) ? w.resolve(c) : waiting.push(w));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await socket.timeout(5000).emitWithAck('programme:subscribe', { slug });
  if (!ack.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
  return {
    socket,
    changes,
    next: (pred) =>
      new Promise((resolve, reject) => {
        const seen = changes.find(pred);
        if (seen) return resolve(seen);
        const timer = setTimeout(() => reject(new Error('no matching programme:changed within 5 s')), 5000);
        waiting.push({ pred, resolve: (c) => (clearTimeout(timer), resolve(c)) });
      }),
  };
}

describe('programme: lifecycle scheduler (exactly once across two api processes), moderator actions and delays (real PostgreSQL, Redis)', () => {
  let a: TestApp;
  let b: TestApp;
  let orga: Organiser;
  let conf: { slug: string; id: string; rooms: Array<{ id: string; name: string }> };
  const at = (local: string) => `2031-06-02T${local}`;

  beforeAll(async () => {
    // Ticks are driven by the tests here, so they can race them on purpose.
    a = await startTestApp('prog_lifecycle', { livekit: false, seedDemo: false, env: { REDIS_URL: TEST_REDIS_URL, PROGRAMME_TICK_SECONDS: '0' } });
    b = await startTestApp('prog_lifecycle_b', { livekit: false, seedDemo: false, env: { REDIS_URL: TEST_REDIS_URL, PROGRAMME_TICK_SECONDS: '0' }, database: a.database });
    orga = await platformOrganiser(a);
    conf = await makeConference(a, orga, { slug: 'lifecycle-2031', title: 'Lebenszyklus', startDate: '2031-06-02', days: 1 }, [
      { name: 'Bühne', kind: 'virtual-stage' },
      { name: 'Forum', kind: 'forum-room' },
    ]);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  const createSession = async (title: string, start: string, end: string, room = 0) => {
    const res = await api(a.url, 'POST', `/api/conferences/${conf.slug}/sessions`, { token: orga.token, body: { kind: 'panel', title, start: at(start), end: at(end), roomId: conf.rooms[room].id } });
    expectStatus(res, 201);
    return res.body as { id: string; start: string; end: string };
  };
  const status = async (id: string) => (await a.podium.dataSource.query('SELECT status FROM session WHERE id = $1', [id]))[0].status;

  it('applies every due transition exactly once while two api processes tick at the same moments, and pushes each to followers of the other', async () => {
    const sessions: Array<{ id: string }> = [];
    for (let i = 0; i < 12; i++) sessions.push(await createSession(`Runde ${i}`, `${String(9 + (i % 6)).padStart(2, '0')}:00`, `${String(9 + (i % 6)).padStart(2, '0')}:45`, i < 6 ? 0 : 1));
    const follower = await follow(b.url, conf.slug);
    const schedulers = [a, b].map((app) => app.podium.app.get(LifecycleScheduler));
    const results: TickResult[] = [];
    // Every 15 minutes of the day, both processes tick twice at once.
    for (let t = Date.parse('2031-06-02T06:30:00Z'); t <= Date.parse('2031-06-02T13:00:00Z'); t += 15 * MINUTE) {
      results.push(...(await Promise.all([schedulers[0].tick(t), schedulers[1].tick(t), schedulers[0].tick(t), schedulers[1].tick(t)])));
    }
    const applied = results.flatMap((r) => r.applied);
    const steps = applied.map((t) => `${t.sessionId}:${t.from}->${t.to}`);
    expect(new Set(steps).size).toBe(steps.length); // nothing twice
    for (const s of sessions) {
      expect(applied.filter((t) => t.sessionId === s.id).map((t) => t.to)).toEqual(['backstage', 'live', 'ended']);
      expect(await status(s.id)).toBe('ended');
    }
    expect(results.some((r) => !r.ran)).toBe(true); // the advisory lock did turn concurrent ticks away
    // Pushed by whichever process applied it, received by a client of the other one (through Redis).
    await follower.next((c) => c.sessions.some((s) => s.id === sessions[11].id && s.status === 'ended'));
    const pushed = follower.changes.filter((c) => c.reason === 'transition').flatMap((c) => c.sessions.map((s) => `${s.id}:${s.status}`));
    expect(new Set(pushed).size).toBe(sessions.length * 3);
    follower.socket.disconnect();
  });

  it('opens the backstage exactly backstageMinutes (15) before the start and goes live at the start', async () => {
    const s = await createSession('Pressekonferenz', '15:00', '15:30');
    const scheduler = a.podium.app.get(LifecycleScheduler);
    const start = Date.parse(s.start);
    expect((await scheduler.tick(start - 15 * MINUTE - 1000)).applied.filter((t) => t.sessionId === s.id)).toEqual([]);
    expect((await scheduler.tick(start - 15 * MINUTE)).applied.filter((t) => t.sessionId === s.id)).toEqual([expect.objectContaining({ from: 'scheduled', to: 'backstage' })]);
    expect((await scheduler.tick(start)).applied.filter((t) => t.sessionId === s.id)).toEqual([expect.objectContaining({ from: 'backstage', to: 'live' })]);
    expect((await scheduler.tick(start)).applied).toEqual([]);
  });

  it('lets a moderator start, extend and end a session; an extension into the next session is refused with 409 unless forced', async () => {
    const moderator = await signIn(a, 'moderator', 'Mo Derator', conf.slug);
    const first = await createSession('Fishbowl', '16:00', '17:00');
    const second = await createSession('Abschluss', '17:15', '18:00');
    const started = await api(a.url, 'POST', `/api/sessions/${first.id}/start`, { token: moderator.token });
    expectStatus(started, 200);
    expect(started.body.session.status).toBe('live');
    expectStatus(await api(a.url, 'POST', `/api/sessions/${first.id}/start`, { token: moderator.token }), 200); // idempotent
    const extended = await api(a.url, 'POST', `/api/sessions/${first.id}/extend`, { token: moderator.token, body: { minutes: 10 } });
    expectStatus(extended, 200);
    expect(extended.body.session.end).toBe(new Date(Date.parse(first.end) + 10 * MINUTE).toISOString());
    const clash = await api(a.url, 'POST', `/api/sessions/${first.id}/extend`, { token: moderator.token, body: { minutes: 10 } });
    expectStatus(clash, 409);
    expect(clash.body.error.details.conflicts[0]).toMatchObject({ kind: 'room-overlap', other: { id: second.id } });
    expectStatus(await api(a.url, 'POST', `/api/sessions/${first.id}/extend?force=true`, { token: moderator.token, body: { minutes: 10 } }), 200);
    const ended = await api(a.url, 'POST', `/api/sessions/${first.id}/end`, { token: moderator.token });
    expect(ended.body.session.status).toBe('ended');
    expect(await status(first.id)).toBe('ended');
    const again = await api(a.url, 'POST', `/api/sessions/${first.id}/start`, { token: moderator.token });
    expectStatus(again, 409);
    expectStatus(await api(a.url, 'POST', `/api/sessions/${first.id}/extend`, { token: moderator.token, body: { minutes: 0 } }), 400);
  });

  it('refuses moderator actions to the wrong roles: an attendee and a speaker get 403, anonymous 401', async () => {
    const s = await createSession('Keynote', '19:00', '19:45');
    const attendee = await signIn(a, 'attendee', 'Ann', conf.slug);
    const speaker = await signIn(a, 'speaker', 'Spe Aker', conf.slug);
    for (const token of [attendee.token, speaker.token]) {
      const res = await api(a.url, 'POST', `/api/sessions/${s.id}/start`, { token });
      expectStatus(res, 403);
      expectStatus(await api(a.url, 'POST', `/api/sessions/${s.id}/delay`, { token, body: { minutes: 5 } }), 403);
    }
    expectStatus(await api(a.url, 'POST', `/api/sessions/${s.id}/end`), 401);
    expect(await status(s.id)).toBe('scheduled');
  });

  it('"running 10 minutes late" shifts the shown times of the following sessions in that room that day, and pushes them', async () => {
    const moderator = await signIn(a, 'moderator', 'Mo Zwei', conf.slug);
    const f1 = await createSession('Forum früh', '20:00', '20:30', 1);
    const f2 = await createSession('Forum spät', '20:45', '21:15', 1);
    const other = await createSession('Bühne parallel', '20:45', '21:15', 0);
    const follower = await follow(a.url, conf.slug);
    const res = await api(a.url, 'POST', `/api/sessions/${f1.id}/delay`, { token: moderator.token, body: { minutes: 10 } });
    expectStatus(res, 200);
    expect(res.body.changed.map((s: { id: string }) => s.id).sort()).toEqual([f1.id, f2.id].sort());
    const pushed = await follower.next((c) => c.reason === 'delay');
    expect(pushed.sessions.map((s) => [s.id, s.delayMinutes]).sort()).toEqual([[f1.id, 10], [f2.id, 10]].sort());
    const programme = await api(a.url, 'GET', `/api/conferences/${conf.slug}/programme?room=${conf.rooms[1].id}`);
    const late = programme.body.sessions.find((s: { id: string }) => s.id === f2.id);
    expect(late).toMatchObject({ start: f2.start, shownStart: new Date(Date.parse(f2.start) + 10 * MINUTE).toISOString(), delayMinutes: 10, localStart: '2031-06-02T20:55:00+02:00' });
    expect((await api(a.url, 'GET', `/api/sessions/${other.id}`)).body.delayMinutes).toBe(0);
    // Back on time: 0 undoes exactly what was pushed.
    await api(a.url, 'POST', `/api/sessions/${f1.id}/delay`, { token: moderator.token, body: { minutes: 0 } });
    expect((await api(a.url, 'GET', `/api/sessions/${f2.id}`)).body.delayMinutes).toBe(0);
    follower.socket.disconnect();
  });

  it('tells followers on every process that a deleted session is gone', async () => {
    const s = await createSession('Gestrichen', '23:00', '23:30');
    const follower = await follow(b.url, conf.slug);
    expectStatus(await api(a.url, 'DELETE', `/api/sessions/${s.id}`, { token: orga.token }), 204);
    const pushed = await follower.next((c) => (c.removed ?? []).includes(s.id));
    expect(pushed).toEqual({ conferenceId: conf.id, reason: 'edit', sessions: [], removed: [s.id] });
    follower.socket.disconnect();
  });

  it('lets organisers cancel and reinstate; the scheduler leaves cancelled sessions alone', async () => {
    const s = await createSession('Abgesagt', '22:00', '22:30');
    expect((await api(a.url, 'POST', `/api/sessions/${s.id}/cancel`, { token: orga.token })).body.session.status).toBe('cancelled');
    await a.podium.app.get(LifecycleScheduler).tick(Date.parse(s.end) + MINUTE);
    expect(await status(s.id)).toBe('cancelled');
    expect((await api(a.url, 'POST', `/api/sessions/${s.id}/reinstate`, { token: orga.token })).body.session.status).toBe('scheduled');
  });

  it('runs by itself on a timer: a session whose start has passed goes live without anyone calling the tick', async () => {
    const timed = await startTestApp('prog_timer', { livekit: false, seedDemo: false, env: { PROGRAMME_TICK_SECONDS: '1' } });
    try {
      const o = await platformOrganiser(timed);
      const today = new Date().toISOString().slice(0, 10);
      const c = await makeConference(timed, o, { slug: 'jetzt', title: 'Jetzt', startDate: today, timezone: 'UTC', days: 2 });
      const now = Date.now();
      const res = await api(timed.url, 'POST', `/api/conferences/${c.slug}/sessions`, {
        token: o.token,
        body: { kind: 'panel', title: 'Läuft', start: new Date(now - MINUTE).toISOString(), end: new Date(now + 30 * MINUTE).toISOString(), roomId: c.rooms[0].id, force: true },
      });
      expectStatus(res, 201);
      const deadline = Date.now() + 10_000;
      let seen = 'scheduled';
      while (Date.now() < deadline && seen !== 'live') {
        await new Promise((r) => setTimeout(r, 200));
        seen = (await timed.podium.dataSource.query('SELECT status FROM session WHERE id = $1', [res.body.id]))[0].status;
      }
      expect(seen).toBe('live');
    } finally {
      await timed.stop();
    }
  });
});
