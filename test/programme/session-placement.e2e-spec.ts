/**
 * The programme grid's optimistic check on PATCH /api/sessions/:id (real PostgreSQL): a move that names
 * where it saw the session is written when the session is still there, and refused with 409 STALE_VERSION,
 * the changed fields and the stored placement when someone moved it meanwhile; bad `expected` is a 400.
 */
import { api, startTestApp, type TestApp } from '../support/app';
import { expectStatus, makeConference, platformOrganiser, type Organiser } from './support';

describe('programme: a move checked against where the writer saw the session', () => {
  let app: TestApp;
  let orga: Organiser;
  let rooms: Map<string, string>;
  const SLUG = 'grid-2031';

  beforeAll(async () => {
    app = await startTestApp('prog_placement', { livekit: false, seedDemo: false });
    orga = await platformOrganiser(app);
    const conf = await makeConference(app, orga, { slug: SLUG, title: 'Raster 2031', startDate: '2031-09-22' }, [
      { name: 'Plenum', kind: 'virtual-stage' },
      { name: 'Forum 1', kind: 'forum-room' },
    ]);
    rooms = new Map(conf.rooms.map((r) => [r.name, r.id]));
  });
  afterAll(() => app.stop());

  const patch = (id: string, body: Record<string, unknown>) => api(app.url, 'PATCH', `/api/sessions/${id}`, { token: orga.token, body });
  const stored = async (id: string) => (await app.podium.dataSource.query('SELECT starts_at, ends_at, room_id FROM session WHERE id = $1', [id]))[0];

  it('writes a move based on the current placement and refuses the second, stale one with what changed', async () => {
    const created = await api(app.url, 'POST', `/api/conferences/${SLUG}/sessions`, {
      token: orga.token,
      body: { kind: 'forum', title: 'Werkstatt', start: '2031-09-22T10:00', end: '2031-09-22T11:00', roomId: rooms.get('Plenum') },
    });
    expectStatus(created, 201);
    const id = created.body.id as string;
    // 10:00 in Berlin (CEST) is 08:00 UTC.
    const seen = { start: '2031-09-22T08:00:00.000Z', end: '2031-09-22T09:00:00.000Z', roomId: rooms.get('Plenum') };

    const first = await patch(id, { start: '2031-09-22T08:30:00.000Z', end: '2031-09-22T09:30:00.000Z', roomId: rooms.get('Forum 1'), expected: seen });
    expectStatus(first, 200);
    const afterFirst = await stored(id);
    expect([new Date(afterFirst.starts_at).toISOString(), afterFirst.room_id]).toEqual(['2031-09-22T08:30:00.000Z', rooms.get('Forum 1')]);

    const stale = await patch(id, { start: '2031-09-22T12:00:00.000Z', end: '2031-09-22T13:00:00.000Z', expected: seen });
    expectStatus(stale, 409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(stale.body.error.details).toEqual({
      reason: 'STALE_VERSION',
      changed: ['start', 'end', 'roomId'],
      current: { start: '2031-09-22T08:30:00.000Z', end: '2031-09-22T09:30:00.000Z', roomId: rooms.get('Forum 1') },
    });
    const afterStale = await stored(id);
    expect(new Date(afterStale.starts_at).toISOString()).toBe('2031-09-22T08:30:00.000Z');

    // Back to no room (unplaced), based on the fresh placement.
    const unplace = await patch(id, { roomId: null, expected: { start: '2031-09-22T08:30:00.000Z', end: '2031-09-22T09:30:00.000Z', roomId: rooms.get('Forum 1') } });
    expectStatus(unplace, 200);
    expect((await stored(id)).room_id).toBeNull();
  });

  it('answers 400 for an expected placement that is not one', async () => {
    const created = await api(app.url, 'POST', `/api/conferences/${SLUG}/sessions`, { token: orga.token, body: { kind: 'panel', title: 'P', start: '2031-09-22T14:00', end: '2031-09-22T15:00' } });
    expectStatus(created, 201);
    expectStatus(await patch(created.body.id, { title: 'Q', expected: { start: 'gestern', end: '2031-09-22T13:00:00.000Z', roomId: null } }), 400);
    expectStatus(await patch(created.body.id, { title: 'Q', expected: { start: '2031-09-22T12:00:00.000Z', end: '2031-09-22T13:00:00.000Z' } }), 400);
    expectStatus(await patch(created.body.id, { title: 'Q', expected: 'irgendwo' }), 400);
    expect((await api(app.url, 'GET', `/api/sessions/${created.body.id}`)).body.title).toBe('P');
  });
});
