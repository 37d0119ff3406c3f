// A session moderator removes people from the session, never the people who run it with them (found attacking the app).
import { randomUUID } from 'node:crypto';
import { api, startTestApp, type TestApp } from '../support/app';
import { createWorld, type World } from './support/world';

describe('removing people from a session points down, never up', () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp('sec-removal', { livekit: false, env: { RATE_LIMIT_FACTOR: '0' } });
    world = await createWorld(app);
  });
  afterAll(() => app?.stop());

  const remove = (by: 'moderator' | 'organiser', personId: string) =>
    api(app.url, 'DELETE', `/api/sessions/${world.sessionId}/participants/${personId}`, { token: world.tokens[by] });
  const banned = async () =>
    (await app.podium.dataSource.query('SELECT person_id FROM livestream_ban WHERE session_id = $1', [world.sessionId])).map((r: { person_id: string }) => r.person_id);

  it.each(['organiser', 'platform'] as const)("a session moderator cannot remove the conference's %s: 403 and no ban", async (target) => {
    const res = await remove('moderator', world.personIds[target]);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await banned()).not.toContain(world.personIds[target]);
  });

  it('an organiser cannot remove the session moderator either; an attendee can be removed', async () => {
    expect((await remove('organiser', world.personIds.moderator)).status).toBe(403);
    const res = await remove('moderator', world.personIds.attendee);
    expect(res.status).toBe(200);
    expect(await banned()).toEqual([world.personIds.attendee]);
  });

  it('an unknown person is a 404 in words, not a database error naming tables', async () => {
    const res = await remove('moderator', randomUUID());
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: 'No such person' });
  });
});
