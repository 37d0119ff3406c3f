import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { counts, expectStatus, makeConference, platformOrganiser, type Organiser } from './support';

describe('programme: organiser CRUD, conflicts, timezones and bad input (real PostgreSQL)', () => {
  let app: TestApp;
  let orga: Organiser;
  let conf: { slug: string; id: string; rooms: Array<{ id: string; name: string }> };

  beforeAll(async () => {
    app = await startTestApp('prog_organiser', { livekit: false, seedDemo: false });
    orga = await platformOrganiser(app);
    conf = await makeConference(
      app,
      orga,
      { slug: 'buko-2021', title: 'BuKo 2021', startDate: '2031-09-22', days: 2, format: 'hybrid', venue: 'Kassel', allowGuests: true },
      [
        { name: 'Plenum', kind: 'virtual-stage' },
        { name: 'Forum 1', kind: 'forum-room', capacity: 2, changeoverMinutes: 15 },
      ],
    );
  });
  afterAll(() => app.stop());

  const create = (body: Record<string, unknown>, query = '') =>
    api(app.url, 'POST', `/api/conferences/${conf.slug}/sessions${query}`, { token: orga.token, body });

  it('creates a conference with the default timezone and both days, public once published', async () => {
    const res = await api(app.url, 'GET', `/api/conferences/${conf.slug}`);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ slug: 'buko-2021', timezone: 'Europe/Berlin', startDate: '2031-09-22', endDate: '2031-09-23', days: ['2031-09-22', '2031-09-23'], format: 'hybrid', allowGuests: true });
    const hidden = await makeConference(app, orga, { slug: 'draft-conf', title: 'Entwurf', startDate: '2021-01-01', published: false });
    expectStatus(await api(app.url, 'GET', `/api/conferences/${hidden.slug}`), 404);
    expectStatus(await api(app.url, 'GET', `/api/conferences/${hidden.slug}/programme`), 404);
    expectStatus(await api(app.url, 'GET', `/api/conferences/${hidden.slug}`, { token: orga.token }), 200);
    const list = await api(app.url, 'GET', '/api/conferences');
    expect(list.body.map((c: { slug: string }) => c.slug)).toEqual(['buko-2021']);
  });

  it('creates people, a track and a session with moderators, speakers and interpreters; the programme shows them', async () => {
    const person = async (body: Record<string, unknown>) => {
      const res = await api(app.url, 'POST', `/api/conferences/${conf.slug}/people`, { token: orga.token, body });
      expectStatus(res, 201);
      return res.body.id as string;
    };
    const mo = await person({ name: 'Moderation BuKo', function: 'Moderation', organisation: 'Geschäftsstelle' });
    const sp = await person({ name: 'Annette Widmann-Mauz', function: 'Staatsministerin', organisation: 'Bundesregierung' });
    const dgs = await person({ name: 'Gebärdensprachdolmetschung' });
    const track = await api(app.url, 'POST', `/api/conferences/${conf.slug}/tracks`, { token: orga.token, body: { name: 'Integration vor Ort', color: '#1f6feb' } });
    expectStatus(track, 201);
    const res = await create({
      kind: 'keynote',
      title: 'Keynote: Zusammenhalt',
      abstract: 'Über Integration.',
      language: 'de',
      start: '2031-09-22T10:00',
      end: '2031-09-22T11:00:00+02:00',
      roomId: conf.rooms[0].id,
      trackId: track.body.id,
      moderators: [mo],
      speakers: [sp],
      interpreters: [dgs],
      livestream: true,
      recordingConsent: true,
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({ start: '2031-09-22T08:00:00.000Z', end: '2031-09-22T09:00:00.000Z', localStart: '2031-09-22T10:00:00+02:00', status: 'scheduled', durationMinutes: 60 });
    const programme = await api(app.url, 'GET', `/api/conferences/${conf.slug}/programme`);
    expectStatus(programme, 200);
    const day = programme.body.days.find((d: { date: string }) => d.date === '2031-09-22');
    const plenum = day.rooms.find((r: { id: string }) => r.id === conf.rooms[0].id);
    expect(plenum.sessions).toHaveLength(1);
    expect(plenum.sessions[0].people).toEqual([
      { personId: mo, role: 'moderator', name: 'Moderation BuKo', function: 'Moderation', organisation: 'Geschäftsstelle' },
      { personId: sp, role: 'speaker', name: 'Annette Widmann-Mauz', function: 'Staatsministerin', organisation: 'Bundesregierung' },
      { personId: dgs, role: 'interpreter', name: 'Gebärdensprachdolmetschung', function: null, organisation: null },
    ]);
    const detail = await api(app.url, 'GET', `/api/sessions/${res.body.id}`);
    expectStatus(detail, 200);
    expect(detail.body).toMatchObject({ title: 'Keynote: Zusammenhalt', room: { name: 'Plenum' }, track: { name: 'Integration vor Ort' }, conference: { slug: 'buko-2021' } });
    expectStatus(await api(app.url, 'GET', `/api/conferences/${conf.slug}/sessions/${res.body.id}`), 200);
    const people = await api(app.url, 'GET', `/api/conferences/${conf.slug}/people`);
    expect(people.body.find((p: { id: string }) => p.id === sp).sessions).toEqual([{ sessionId: res.body.id, role: 'speaker' }]);
  });

  it('puts an invited moderator account on a session, whose sign-in then moderates it', async () => {
    const invited = await api(app.url, 'POST', `/api/conferences/${conf.slug}/invitations`, { token: orga.token, body: { displayName: 'Mona Moderatorin', role: 'moderator' } });
    expectStatus(invited, 201);
    const attendee = await signIn(app, 'attendee', 'Anton Publikum', conf.slug);
    // The organiser's list offers invited people for sessions; the public list shows only people on sessions.
    const people = await api(app.url, 'GET', `/api/conferences/${conf.slug}/people`, { token: orga.token });
    expect(people.body.map((p: { id: string }) => p.id)).toContain(invited.body.personId);
    expect(people.body.map((p: { id: string }) => p.id)).not.toContain(attendee.personId);
    expect((await api(app.url, 'GET', `/api/conferences/${conf.slug}/people`)).body.map((p: { id: string }) => p.id)).not.toContain(invited.body.personId);
    const session = await create({ kind: 'forum', title: 'Forum mit Mona', start: '2031-09-23T14:00', end: '2031-09-23T15:00', roomId: conf.rooms[0].id, moderators: [invited.body.personId] });
    expectStatus(session, 201);
    const token = (await api(app.url, 'POST', '/api/auth/redeem', { body: { token: invited.body.link.split('/signin/')[1] } })).body.token;
    expectStatus(await api(app.url, 'POST', `/api/sessions/${session.body.id}/delay`, { token, body: { minutes: 5 } }), 200);
    expectStatus(await api(app.url, 'POST', `/api/sessions/${session.body.id}/delay`, { token: attendee.token, body: { minutes: 5 } }), 403);
  });

  it('refuses a room overlap with 409 naming the other session, and accepts it with force', async () => {
    const first = await create({ kind: 'forum', title: 'Forum A', start: '2031-09-22T14:00', end: '2031-09-22T15:00', roomId: conf.rooms[1].id });
    expectStatus(first, 201);
    // 15 minutes after the end is still inside the room's changeover buffer.
    const clash = await create({ kind: 'forum', title: 'Forum B', start: '2031-09-22T15:10', end: '2031-09-22T16:00', roomId: conf.rooms[1].id });
    expectStatus(clash, 409);
    expect(clash.body.error.code).toBe('CONFLICT');
    expect(clash.body.error.message).toContain('Forum A');
    expect(clash.body.error.details.conflicts[0]).toMatchObject({ kind: 'room-overlap', other: { id: first.body.id, title: 'Forum A' }, changeoverMinutes: 15 });
    const forced = await create({ kind: 'forum', title: 'Forum B', start: '2031-09-22T15:10', end: '2031-09-22T16:00', roomId: conf.rooms[1].id }, '?force=true');
    expectStatus(forced, 201);
    expect(forced.body.conflicts).toHaveLength(1);
    const viaBody = await create({ kind: 'forum', title: 'Forum C', start: '2031-09-22T15:30', end: '2031-09-22T16:30', roomId: conf.rooms[1].id, force: true });
    expectStatus(viaBody, 201);
    const list = await api(app.url, 'GET', `/api/conferences/${conf.slug}/conflicts`, { token: orga.token });
    expectStatus(list, 200);
    expect(list.body.conflicts.filter((c: { kind: string }) => c.kind === 'room-overlap').length).toBe(2); // A-B inside the buffer, B-C overlapping
    // Moving Forum C away removes its conflicts; a PATCH is checked like a create.
    const moved = await api(app.url, 'PATCH', `/api/sessions/${viaBody.body.id}`, { token: orga.token, body: { start: '2031-09-23T09:00', end: '2031-09-23T10:00' } });
    expectStatus(moved, 200);
    const back = await api(app.url, 'PATCH', `/api/sessions/${viaBody.body.id}`, { token: orga.token, body: { start: '2031-09-22T15:30', end: '2031-09-22T16:30' } });
    expectStatus(back, 409);
    expect((await api(app.url, 'GET', `/api/conferences/${conf.slug}/conflicts`, { token: orga.token })).body.count).toBe(1);
  });

  it('refuses a person in two places at once, naming the other session', async () => {
    const p = await api(app.url, 'POST', `/api/conferences/${conf.slug}/people`, { token: orga.token, body: { name: 'Kai Klose' } });
    const a = await create({ kind: 'panel', title: 'Panel eins', start: '2031-09-23T13:00', end: '2031-09-23T14:00', roomId: conf.rooms[0].id, speakers: [p.body.id] });
    expectStatus(a, 201);
    const b = await create({ kind: 'forum', title: 'Forum zwei', start: '2031-09-23T13:30', end: '2031-09-23T14:30', roomId: conf.rooms[1].id, moderators: [p.body.id] });
    expectStatus(b, 409);
    expect(b.body.error.details.conflicts[0]).toMatchObject({ kind: 'person-overlap', personId: p.body.id, other: { id: a.body.id } });
  });

  it('gives a session across the October DST switch its real length (01:30-03:30 local is 3 h)', async () => {
    const dst = await makeConference(app, orga, { slug: 'dst-2020', title: 'Nachtkonferenz', startDate: '2020-10-24', endDate: '2020-10-25' });
    const res = await api(app.url, 'POST', `/api/conferences/${dst.slug}/sessions`, {
      token: orga.token,
      body: { kind: 'panel', title: 'Lange Nacht', start: '2020-10-25T01:30', end: '2020-10-25T03:30', roomId: dst.rooms[0].id },
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({ start: '2020-10-24T23:30:00.000Z', end: '2020-10-25T02:30:00.000Z', durationMinutes: 180, localStart: '2020-10-25T01:30:00+02:00', localEnd: '2020-10-25T03:30:00+01:00' });
    const [row] = await app.podium.dataSource.query('SELECT extract(epoch FROM ends_at - starts_at)::int AS seconds FROM session WHERE id = $1', [res.body.id]);
    expect(row.seconds).toBe(3 * 3600);
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const before = await counts(app);
    const cases: Array<[string, string, string, unknown, number, string]> = [
      ['end before start', 'POST', `/api/conferences/${conf.slug}/sessions`, { kind: 'forum', title: 'X', start: '2031-09-22T12:00', end: '2031-09-22T11:00' }, 400, 'end'],
      ['unknown room', 'POST', `/api/conferences/${conf.slug}/sessions`, { kind: 'forum', title: 'X', start: '2031-09-22T12:00', end: '2031-09-22T13:00', roomId: '00000000-0000-4000-8000-000000000000' }, 400, 'roomId'],
      ['unknown person', 'POST', `/api/conferences/${conf.slug}/sessions`, { kind: 'forum', title: 'X', start: '2031-09-22T12:00', end: '2031-09-22T13:00', speakers: ['00000000-0000-4000-8000-000000000000'] }, 400, 'people[0].personId'],
      ['bad time', 'POST', `/api/conferences/${conf.slug}/sessions`, { kind: 'forum', title: 'X', start: 'tomorrow', end: '2031-09-22T13:00' }, 400, 'start'],
      ['unknown kind', 'POST', `/api/conferences/${conf.slug}/sessions`, { kind: 'party', title: 'X', start: '2031-09-22T12:00', end: '2031-09-22T13:00' }, 400, 'kind'],
      ['unknown field', 'POST', `/api/conferences/${conf.slug}/sessions`, { kind: 'forum', title: 'X', start: '2031-09-22T12:00', end: '2031-09-22T13:00', colour: 'red' }, 400, 'colour'],
      ['title too long', 'POST', `/api/conferences/${conf.slug}/sessions`, { kind: 'forum', title: 'x'.repeat(301), start: '2031-09-22T12:00', end: '2031-09-22T13:00' }, 400, 'title'],
      ['unknown timezone', 'POST', '/api/conferences', { slug: 'tz-bad', title: 'X', startDate: '2021-01-01', timezone: 'Europe/Kassel' }, 400, 'conference.timezone'],
      ['end before start (days)', 'POST', '/api/conferences', { slug: 'days-bad', title: 'X', startDate: '2021-01-02', endDate: '2021-01-01' }, 400, 'conference.endDate'],
      ['duplicate slug', 'POST', '/api/conferences', { slug: conf.slug, title: 'X', startDate: '2021-01-01' }, 409, 'slug'],
      ['duplicate room name', 'POST', `/api/conferences/${conf.slug}/rooms`, { name: 'Plenum' }, 409, 'name'],
      ['bad room kind', 'POST', `/api/conferences/${conf.slug}/rooms`, { name: 'Neu', kind: 'cellar' }, 400, 'kind'],
      ['negative capacity', 'POST', `/api/conferences/${conf.slug}/rooms`, { name: 'Neu', capacity: -3 }, 400, 'capacity'],
    ];
    for (const [label, method, path, body, status, field] of cases) {
      const res = await api(app.url, method, path, { token: orga.token, body });
      if (res.status !== status) throw new Error(`${label}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
      expect([label, res.body.error.message]).toEqual([label, expect.stringContaining(field)]);
    }
    const sp = (await api(app.url, 'GET', `/api/conferences/${conf.slug}/people`)).body[0].id;
    const dup = await create({ kind: 'forum', title: 'X', start: '2031-09-22T12:00', end: '2031-09-22T13:00', speakers: [sp, sp] });
    expectStatus(dup, 400);
    expect(dup.body.error.details.field).toBe('people[1]');
    // Each refusal names its rule beside the English message, so the web can word it in German (literal bodies).
    const long = await create({ kind: 'forum', title: 'x'.repeat(301), start: '2031-09-22T12:00', end: '2031-09-22T13:00' });
    expect(long.body.error).toEqual({
      code: 'VALIDATION',
      message: 'title: title must be shorter than or equal to 300 characters',
      details: { fields: [{ field: 'title', problems: ['title must be shorter than or equal to 300 characters'], constraints: ['maxLength'], limits: [{ max: 300 }] }] },
    });
    const backwards = await create({ kind: 'forum', title: 'X', start: '2031-09-22T12:00', end: '2031-09-22T11:00' });
    expect(backwards.body.error).toEqual({ code: 'VALIDATION', message: 'end: must be after start', details: { field: 'end', rule: 'end-not-after-start', params: {} } });
    const zone = await api(app.url, 'POST', '/api/conferences', { token: orga.token, body: { slug: 'tz-bad', title: 'X', startDate: '2021-01-01', timezone: 'Europe/Kassel' } });
    expect(zone.body.error).toEqual({
      code: 'VALIDATION',
      message: 'conference.timezone: "Europe/Kassel" is not an IANA timezone',
      details: { field: 'conference.timezone', rule: 'timezone', params: { value: 'Europe/Kassel' } },
    });
    const junk = await api(app.url, 'POST', `/api/conferences/${conf.slug}/sessions`, { token: orga.token, body: JSON.stringify({ title: 'x'.repeat(10 * 1024 * 1024) }) });
    expectStatus(junk, 413);
    expect(await counts(app)).toEqual(before);
  });

  it('refuses writes from the wrong role: an attendee and an organiser of another conference get 403, anonymous 401', async () => {
    const attendee = await signIn(app, 'attendee', 'Ann Attendee', conf.slug);
    const body = { kind: 'forum', title: 'Nicht erlaubt', start: '2031-09-22T18:00', end: '2031-09-22T19:00' };
    expectStatus(await api(app.url, 'POST', `/api/conferences/${conf.slug}/sessions`, { token: attendee.token, body }), 403);
    expectStatus(await api(app.url, 'GET', `/api/conferences/${conf.slug}/conflicts`, { token: attendee.token }), 403);
    expectStatus(await api(app.url, 'POST', '/api/conferences', { token: attendee.token, body: { slug: 'x-1', title: 'X', startDate: '2021-01-01' } }), 403);
    const other = await makeConference(app, orga, { slug: 'other-conf', title: 'Andere', startDate: '2021-05-01' });
    const otherOrga = await signIn(app, 'organiser', 'Orga Andere', other.slug);
    expectStatus(await api(app.url, 'POST', `/api/conferences/${conf.slug}/sessions`, { token: otherOrga.token, body }), 403);
    expectStatus(await api(app.url, 'POST', `/api/conferences/${other.slug}/sessions`, { token: otherOrga.token, body: { ...body, start: '2021-05-01T10:00', end: '2021-05-01T11:00' } }), 201);
    expectStatus(await api(app.url, 'POST', `/api/conferences/${conf.slug}/sessions`, { body }), 401);
  });

  it('changes and deletes rooms, tracks, people and sessions', async () => {
    const room = await api(app.url, 'POST', `/api/conferences/${conf.slug}/rooms`, { token: orga.token, body: { name: 'Halle', kind: 'hall', capacity: 300 } });
    const patched = await api(app.url, 'PATCH', `/api/conferences/${conf.slug}/rooms/${room.body.id}`, { token: orga.token, body: { capacity: 250, changeoverMinutes: 10 } });
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({ name: 'Halle', kind: 'hall', capacity: 250, changeoverMinutes: 10 });
    const s = await create({ kind: 'marketplace', title: 'Markt der Möglichkeiten', start: '2031-09-23T16:00', end: '2031-09-23T17:00', roomId: room.body.id });
    expectStatus(s, 201);
    expectStatus(await api(app.url, 'DELETE', `/api/conferences/${conf.slug}/rooms/${room.body.id}`, { token: orga.token }), 204);
    expect((await api(app.url, 'GET', `/api/sessions/${s.body.id}`)).body.roomId).toBeNull();
    expectStatus(await api(app.url, 'DELETE', `/api/sessions/${s.body.id}`, { token: orga.token }), 204);
    expectStatus(await api(app.url, 'GET', `/api/sessions/${s.body.id}`), 404);
    const conference = await api(app.url, 'PATCH', `/api/conferences/${conf.slug}`, { token: orga.token, body: { venue: 'Kassel, Kongress Palais', days: 3 } });
    expectStatus(conference, 200);
    expect(conference.body).toMatchObject({ venue: 'Kassel, Kongress Palais', endDate: '2031-09-24' });
    expectStatus(await api(app.url, 'PATCH', `/api/conferences/${conf.slug}`, { token: orga.token, body: { slug: 'renamed' } }), 400);
  });

  it('deletes a conference only when the slug is repeated, and an empty patch changes nothing', async () => {
    const doomed = await makeConference(app, orga, { slug: 'doomed', title: 'Weg damit', startDate: '2031-01-01' });
    const s = await api(app.url, 'POST', `/api/conferences/${doomed.slug}/sessions`, { token: orga.token, body: { kind: 'panel', title: 'P', start: '2031-01-01T10:00', end: '2031-01-01T11:00' } });
    const [before] = await app.podium.dataSource.query('SELECT updated_at FROM session WHERE id = $1', [s.body.id]);
    expectStatus(await api(app.url, 'PATCH', `/api/sessions/${s.body.id}`, { token: orga.token, body: {} }), 200);
    expectStatus(await api(app.url, 'PATCH', `/api/sessions/${s.body.id}`, { token: orga.token, body: { title: 'P' } }), 200);
    const [after] = await app.podium.dataSource.query('SELECT updated_at FROM session WHERE id = $1', [s.body.id]);
    expect(after.updated_at).toEqual(before.updated_at);
    const refused = await api(app.url, 'DELETE', `/api/conferences/${doomed.slug}`, { token: orga.token });
    expectStatus(refused, 400);
    expect(refused.body.error.message).toMatch(/^confirm:/);
    expectStatus(await api(app.url, 'DELETE', `/api/conferences/${doomed.slug}?confirm=${doomed.slug}`, { token: orga.token }), 204);
    expectStatus(await api(app.url, 'GET', `/api/sessions/${s.body.id}`), 404);
  });
});
