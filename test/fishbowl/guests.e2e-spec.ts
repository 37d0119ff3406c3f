// Trust II rule 6: a guest's name is nobody's word, so every screen gets `guest: true` beside it.
import { api, startTestApp, type TestApp } from '../support/app';
import { connect, createFishbowl, createPeople, join, send, until, type Client } from './support';

describe('fishbowl marks guests', () => {
  let app: TestApp;
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await app?.stop();
  });

  it('a signed-in guest is marked in the queue and on the chair; a signed-in attendee is not', async () => {
    app = await startTestApp('fishbowl-guests', { livekit: false, seedDemo: false, env: { RATE_LIMIT_FACTOR: '0' } });
    const fishbowl = await createFishbowl(app.podium.dataSource);
    await app.podium.dataSource.query('UPDATE conference SET allow_guests = true WHERE id = $1', [fishbowl.conferenceId]);
    const guest = await api(app.url, 'POST', `/api/conferences/${fishbowl.slug}/guests`, { body: { displayName: 'Gast im Saal' } });
    expect(guest.status).toBe(201);
    const [attendee] = await createPeople(app, fishbowl.conferenceId, 1, 'attendee', 'Teilnehmerin');
    const [moderator] = await createPeople(app, fishbowl.conferenceId, 1, 'moderator', 'Moderation');
    const [g, a, m] = await Promise.all([guest.body.token, attendee.token, moderator.token].map((t) => connect(app.url, t)));
    clients.push(g, a, m);
    let version = 0;
    for (const c of clients) version = (await join(c, fishbowl.sessionId)).version;
    const started = await send(m, 'fishbowl:start', { sessionId: fishbowl.sessionId, expectedVersion: version });
    expect(started).toMatchObject({ ok: true });
    expect((await send(g, 'fishbowl:ask', { sessionId: fishbowl.sessionId, where: 'hall' })).ok).toBe(true);
    expect((await send(a, 'fishbowl:ask', { sessionId: fishbowl.sessionId, where: 'remote' })).ok).toBe(true);
    const queued = await until(a, (v) => v.queue.length === 2);
    expect(queued.queue.map((q) => [q.displayName, q.guest])).toEqual([['Gast im Saal', true], ['Teilnehmerin 0001', false]]);

    const invite = await send(m, 'fishbowl:invite', { sessionId: fishbowl.sessionId, personId: guest.body.person.id, expectedVersion: (await until(m, (v) => v.queue.length === 2)).version });
    expect(invite).toMatchObject({ ok: true });
    const held = await until(g, (v) => v.invitations.length === 1);
    expect(held.invitations[0].guest).toBe(true);
    expect(held.chairs.find((c) => c.heldFor)?.heldFor?.guest).toBe(true);
    expect(await send(g, 'fishbowl:accept', { sessionId: fishbowl.sessionId })).toMatchObject({ ok: true });
    const seated = await until(a, (v) => v.chairs.some((c) => c.occupant?.personId === guest.body.person.id));
    expect(seated.chairs.find((c) => c.occupant?.personId === guest.body.person.id)?.occupant?.guest).toBe(true);
  });
});
