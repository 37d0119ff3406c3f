import * as ical from 'node-ical';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { expectStatus, makeConference, platformOrganiser, type Organiser } from './support';

function events(text: string): ical.VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
}

describe('programme: reads, now-and-next, registration, bookmarks and calendar feeds (real PostgreSQL)', () => {
  let app: TestApp;
  let orga: Organiser;
  let conf: { slug: string; id: string; rooms: Array<{ id: string; name: string }> };
  const ids: Record<string, string> = {};
  let trackId: string;

  beforeAll(async () => {
    app = await startTestApp('prog_attendee', { livekit: false, seedDemo: false });
    orga = await platformOrganiser(app);
    conf = await makeConference(
      app,
      orga,
      { slug: 'buko-2032', title: 'BuKo 2032 – „Vielfalt“; Köln, Düsseldorf', startDate: '2032-09-20', days: 2, format: 'in-person', venue: 'Köln' },
      [
        { name: 'Plenarsaal', kind: 'hall', position: 0 },
        { name: 'Forum 1', kind: 'forum-room', capacity: 3, position: 1 },
      ],
    );
    const track = await api(app.url, 'POST', `/api/conferences/${conf.slug}/tracks`, { token: orga.token, body: { name: 'Foren' } });
    trackId = track.body.id;
    const speaker = await api(app.url, 'POST', `/api/conferences/${conf.slug}/people`, { token: orga.token, body: { name: 'Prof. Dr. Hacı-Halil Uslucan', organisation: 'Universität Duisburg-Essen' } });
    const make = async (key: string, body: Record<string, unknown>) => {
      const res = await api(app.url, 'POST', `/api/conferences/${conf.slug}/sessions`, { token: orga.token, body: { kind: 'panel', ...body } });
      expectStatus(res, 201);
      ids[key] = res.body.id;
    };
    await make('welcome', { kind: 'welcome', title: 'Begrüßung', start: '2032-09-20T10:00', end: '2032-09-20T10:30', roomId: conf.rooms[0].id, speakers: [speaker.body.id] });
    await make('keynote', { kind: 'keynote', title: 'Keynote, mit Zusammenhalt; und mehr', abstract: 'Zeile 1\nZeile 2', start: '2032-09-20T10:30', end: '2032-09-20T11:30', roomId: conf.rooms[0].id });
    await make('forum', { kind: 'forum', title: 'Forum 1: Arbeit', start: '2032-09-20T11:00', end: '2032-09-20T12:00', roomId: conf.rooms[1].id, trackId });
    await make('day2', { kind: 'closing', title: 'Schlusswort', start: '2032-09-21T15:00', end: '2032-09-21T15:30', roomId: conf.rooms[0].id });
  });
  afterAll(() => app.stop());

  it('serves the programme by day and room, with filters, and refuses an unknown filter naming it', async () => {
    const all = await api(app.url, 'GET', `/api/conferences/${conf.slug}/programme`);
    expectStatus(all, 200);
    expect(all.body.days.map((d: { date: string }) => d.date)).toEqual(['2032-09-20', '2032-09-21']);
    expect(all.body.days[0].rooms.map((r: { name: string; sessions: unknown[] }) => [r.name, r.sessions.length])).toEqual([['Plenarsaal', 2], ['Forum 1', 1]]);
    expect(all.body.days[0].rooms[0].sessions[0].people[0]).toMatchObject({ name: 'Prof. Dr. Hacı-Halil Uslucan', organisation: 'Universität Duisburg-Essen', role: 'speaker' });
    const day2 = await api(app.url, 'GET', `/api/conferences/${conf.slug}/programme?day=2032-09-21`);
    expect(day2.body.days).toHaveLength(1);
    expect(day2.body.sessions.map((s: { id: string }) => s.id)).toEqual([ids.day2]);
    const forum = await api(app.url, 'GET', `/api/conferences/${conf.slug}/programme?room=${conf.rooms[1].id}`);
    expect(forum.body.sessions.map((s: { id: string }) => s.id)).toEqual([ids.forum]);
    const track = await api(app.url, 'GET', `/api/conferences/${conf.slug}/programme?track=${trackId}`);
    expect(track.body.sessions.map((s: { id: string }) => s.id)).toEqual([ids.forum]);
    for (const [query, field] of [['day=20.09.2032', 'day'], ['room=nope', 'room'], ['track=00000000-0000-4000-8000-000000000000', 'track']]) {
      const bad = await api(app.url, 'GET', `/api/conferences/${conf.slug}/programme?${query}`);
      expectStatus(bad, 400);
      expect(bad.body.error.message.startsWith(`${field}:`)).toBe(true);
    }
    expect((await api(app.url, 'GET', `/api/conferences/${conf.slug}/rooms`)).body.map((r: { name: string }) => r.name)).toEqual(['Plenarsaal', 'Forum 1']);
    expect((await api(app.url, 'GET', `/api/conferences/${conf.slug}/tracks`)).body).toEqual([{ id: trackId, name: 'Foren', color: null }]);
    expectStatus(await api(app.url, 'GET', '/api/conferences/nope/programme'), 404);
  });

  it('answers now and next per room at a given moment', async () => {
    const res = await api(app.url, 'GET', `/api/conferences/${conf.slug}/now-next?at=2032-09-20T09:05:00Z`); // 11:05 in Köln
    expectStatus(res, 200);
    const [plenum, forum] = res.body.rooms;
    expect([plenum.room.name, plenum.now?.id, plenum.next?.id]).toEqual(['Plenarsaal', ids.keynote, ids.day2]);
    expect([forum.room.name, forum.now?.id, forum.next]).toEqual(['Forum 1', ids.forum, null]);
    expect(plenum.now.status).toBe('live');
    expectStatus(await api(app.url, 'GET', `/api/conferences/${conf.slug}/now-next?at=tomorrow`), 400);
  });

  it('registers attendees for a forum up to its capacity even when they all click at once; unregistering frees the seat', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(app, 'attendee', `Teilnehmerin ${i}`, conf.slug)));
    const answers = await Promise.all(people.map((p) => api(app.url, 'POST', `/api/sessions/${ids.forum}/registration`, { token: p.token })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(3);
    const refused = answers.filter((r) => r.status === 409);
    expect(refused).toHaveLength(5);
    expect(refused[0].body.error.details.conflicts[0]).toMatchObject({ kind: 'capacity-exceeded', capacity: 3, registrations: 3 });
    const [{ n }] = await app.podium.dataSource.query('SELECT count(*)::int AS n FROM session_registration WHERE session_id = $1', [ids.forum]);
    expect(n).toBe(3);
    const winner = people[answers.findIndex((r) => r.status === 200)];
    const loser = people[answers.findIndex((r) => r.status === 409)];
    expect((await api(app.url, 'POST', `/api/sessions/${ids.forum}/registration`, { token: winner.token })).status).toBe(200); // idempotent
    expect((await api(app.url, 'DELETE', `/api/sessions/${ids.forum}/registration`, { token: winner.token })).body).toMatchObject({ registered: false, registrations: 2 });
    expect((await api(app.url, 'POST', `/api/sessions/${ids.forum}/registration`, { token: loser.token })).body).toMatchObject({ registered: true, registrations: 3, capacity: 3 });
    expectStatus(await api(app.url, 'POST', `/api/sessions/${ids.forum}/registration`), 401);
  });

  it("keeps a signed-in person's agenda with overlap warnings", async () => {
    const me = await signIn(app, 'attendee', 'Agenda Person', conf.slug);
    for (const id of [ids.welcome, ids.keynote, ids.forum]) expectStatus(await api(app.url, 'PUT', `/api/sessions/${id}/bookmark`, { token: me.token }), 204);
    expectStatus(await api(app.url, 'PUT', `/api/sessions/${ids.forum}/bookmark`, { token: me.token }), 204);
    const agenda = await api(app.url, 'GET', `/api/conferences/${conf.slug}/my-agenda`, { token: me.token });
    expectStatus(agenda, 200);
    expect(agenda.body.sessions.map((s: { id: string }) => s.id)).toEqual([ids.welcome, ids.keynote, ids.forum]);
    expect(agenda.body.warnings).toEqual([expect.objectContaining({ kind: 'overlap', sessionId: ids.keynote, otherSessionId: ids.forum })]);
    expectStatus(await api(app.url, 'DELETE', `/api/sessions/${ids.forum}/bookmark`, { token: me.token }), 204);
    expect((await api(app.url, 'GET', `/api/conferences/${conf.slug}/my-agenda`, { token: me.token })).body.warnings).toEqual([]);
    expect((await api(app.url, 'GET', `/api/conferences/${conf.slug}/bookmarks`, { token: me.token })).body).toEqual({ sessionIds: [ids.welcome, ids.keynote] });
    expectStatus(await api(app.url, 'GET', `/api/conferences/${conf.slug}/my-agenda`), 401);
    expectStatus(await api(app.url, 'PUT', `/api/sessions/00000000-0000-4000-8000-000000000000/bookmark`, { token: me.token }), 404);
  });

  it('serves the conference and one session as RFC 5545 calendars that node-ical reads back', async () => {
    const res = await fetch(`${app.url}/api/conferences/${conf.slug}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const all = events(text);
    expect(all).toHaveLength(4);
    const keynote = all.find((e) => e.uid.startsWith(ids.keynote))!;
    expect(keynote.summary).toBe('Keynote, mit Zusammenhalt; und mehr');
    expect(keynote.start.toISOString()).toBe('2032-09-20T08:30:00.000Z');
    expect(keynote.location).toBe('Plenarsaal, Köln');
    const one = await fetch(`${app.url}/api/sessions/${ids.welcome}/calendar.ics`);
    expect(one.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(events(await one.text()).map((e) => e.summary)).toEqual(['Begrüßung']);
  });

  it('gives each person a private bookmark feed URL they can rotate; the old URL then stops working', async () => {
    const me = await signIn(app, 'attendee', 'Feed Person', conf.slug);
    await api(app.url, 'PUT', `/api/sessions/${ids.keynote}/bookmark`, { token: me.token });
    await api(app.url, 'PUT', `/api/sessions/${ids.day2}/bookmark`, { token: me.token });
    const feed = await api(app.url, 'GET', '/api/me/calendar-feed', { token: me.token });
    expectStatus(feed, 200);
    expect((await api(app.url, 'GET', '/api/me/calendar-feed', { token: me.token })).body.url).toBe(feed.body.url);
    const path = new URL(feed.body.url).pathname;
    const first = await fetch(app.url + path);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(events(await first.text()).map((e) => e.summary).sort()).toEqual(['Keynote, mit Zusammenhalt; und mehr', 'Schlusswort']);
    const rotated = await api(app.url, 'POST', '/api/me/calendar-feed', { token: me.token });
    expect(rotated.body.url).not.toBe(feed.body.url);
    expect((await fetch(app.url + path)).status).toBe(404);
    expect((await fetch(app.url + new URL(rotated.body.url).pathname)).status).toBe(200);
    const forged = path.replace(/_[0-9a-f]{32}\.ics$/, `_${'0'.repeat(32)}.ics`);
    expect((await fetch(app.url + forged)).status).toBe(404);
    expectStatus(await api(app.url, 'GET', '/api/me/calendar-feed'), 401);
  });
});
