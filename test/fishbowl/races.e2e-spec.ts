import { startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { connect, createFishbowl, createPeople, join, send, sleep, until, type Client, type Person } from './support';

/** Concurrency and hostile input: one winner per chair, stale versions refused, bad payloads refused without harm. */
describe('fishbowl races and bad input', () => {
  let app: TestApp;
  let sessionId: string;
  let mods: Client[];
  let people: Person[];
  let clients: Client[];
  let moderatorA: string;
  let invitee: string;

  beforeAll(async () => {
    app = await startTestApp('fishbowl-races', { livekit: false, seedDemo: false });
    const fishbowl = await createFishbowl(app.podium.dataSource);
    sessionId = fishbowl.sessionId;
    const [a, b] = [await signIn(app, 'moderator', 'Mod A', fishbowl.slug), await signIn(app, 'organiser', 'Org B', fishbowl.slug)];
    moderatorA = a.personId;
    mods = await Promise.all([connect(app.url, a.token), connect(app.url, b.token)]);
    people = await createPeople(app, fishbowl.conferenceId, 4);
    clients = await Promise.all(people.map((p) => connect(app.url, p.token)));
    const view = await join(mods[0], sessionId);
    await join(mods[1], sessionId);
    // Two chairs, one fixed: a single invitation fills the only open chair.
    const settings = { chairCount: 2, fixedChairs: [{ role: 'moderator', personId: moderatorA, displayName: 'Mod A' }] };
    const configured = await send(mods[0], 'fishbowl:configure', { sessionId, expectedVersion: view.version, settings });
    expect(configured.ok).toBe(true);
    await send(mods[0], 'fishbowl:start', { sessionId, expectedVersion: configured.ok ? configured.version : -1 });
    for (const c of clients) expect((await send(c, 'fishbowl:ask', { sessionId, where: 'remote' })).ok).toBe(true);
  });

  afterAll(async () => {
    for (const c of [...(mods ?? []), ...(clients ?? [])]) c?.disconnect();
    await app?.stop();
  });

  it('lets exactly one of two moderators fill the last chair', async () => {
    const { version } = await until(mods[0], (v) => v.queue.length === 4);
    const [a, b] = await Promise.all([
      send(mods[0], 'fishbowl:invite', { sessionId, personId: people[0].personId, expectedVersion: version }),
      send(mods[1], 'fishbowl:invite', { sessionId, personId: people[1].personId, expectedVersion: version }),
    ]);
    const winners = [a, b].filter((x) => x.ok);
    expect(winners).toHaveLength(1);
    const loser = [a, b].find((x) => !x.ok)!;
    expect(loser).toMatchObject({ error: { code: 'STALE_VERSION', details: { reason: 'STALE_VERSION', scope: 'seats' } } });
    const view = await until(mods[0], (v) => v.invitations.length === 1);
    invitee = view.invitations[0].personId;
    expect(view.chairs[1].heldFor?.personId).toBe(a.ok ? people[0].personId : people[1].personId);
  });

  it('answers an outdated expectedVersion with STALE_VERSION, also for a version ahead of the log', async () => {
    const stale = await send(mods[1], 'fishbowl:end', { sessionId, expectedVersion: 0 });
    expect(stale).toMatchObject({ error: { code: 'STALE_VERSION', details: { scope: 'settings' } } });
    const ahead = await send(mods[1], 'fishbowl:remove', { sessionId, personId: people[0].personId, expectedVersion: 10_000 });
    expect(ahead).toMatchObject({ error: { code: 'STALE_VERSION' } });
    // A thousand asks never make the moderator stale: asks don't move the seats scope.
    const { version } = await until(mods[0], (v) => v.invitations.length === 1);
    expect((await send(clients[2], 'fishbowl:withdraw', { sessionId })).ok).toBe(true);
    expect((await send(clients[2], 'fishbowl:ask', { sessionId, where: 'hall' })).ok).toBe(true);
    const cancelled = await send(mods[0], 'fishbowl:cancel-invitation', { sessionId, personId: invitee, expectedVersion: version });
    expect(cancelled).toEqual({ ok: true, version: version + 3 });
    // ... but the cancellation moved the seats: the other moderator's view is now stale.
    expect(await send(mods[1], 'fishbowl:invite', { sessionId, personId: invitee, expectedVersion: version })).toMatchObject({ error: { code: 'STALE_VERSION' } });
  });

  it('refuses bad payloads with VALIDATION, never trusts a client actor, and stays up with the state unchanged', async () => {
    const before = await join(clients[3], sessionId);
    const bad: [string, unknown][] = [
      ['fishbowl:ask', { sessionId, where: 'roof' }],
      ['fishbowl:ask', { sessionId, where: 'hall', actor: { personId: 'x', role: 'moderator' } }],
      ['fishbowl:ask', { sessionId, where: 'hall', topic: 'x'.repeat(141) }],
      ['fishbowl:ask', { sessionId, where: 'hall', topic: 42 }],
      ['fishbowl:ask', 'hello'],
      ['fishbowl:ask', null],
      ['fishbowl:ask', [sessionId]],
      ['fishbowl:invite', { sessionId, personId: people[2].personId }],
      ['fishbowl:move', { sessionId, personId: people[2].personId, toIndex: -1, expectedVersion: 1 }],
      ['fishbowl:configure', { sessionId, expectedVersion: 1, settings: { chairCount: 99 } }],
      ['fishbowl:configure', { sessionId, expectedVersion: 1, settings: JSON.parse('{"__proto__":{"auto":true}}') }],
      ['fishbowl:join', { sessionId: 'a\u0000b' }],
      ['fishbowl:speaking', { sessionId, personId: 'p', speaking: 'yes' }],
      ['fishbowl:ask', Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]))],
    ];
    for (const [event, payload] of bad) {
      const ack = await send(clients[3], event, payload);
      expect([event, ack]).toEqual([event, { error: expect.objectContaining({ code: 'VALIDATION' }) }]);
    }
    // An attendee cannot moderate, whatever the payload claims.
    expect(await send(clients[3], 'fishbowl:invite', { sessionId, personId: people[3].personId, expectedVersion: before.version })).toMatchObject({
      error: { code: 'FORBIDDEN', details: { reason: 'MODERATORS_ONLY' } },
    });
    // No ack callback: the answer is an 'exception' event, and nothing breaks.
    const exception = new Promise((resolve) => clients[3].once('exception', resolve));
    clients[3].emit('fishbowl:ask', { sessionId, where: 'nowhere' });
    expect(await exception).toMatchObject({ event: 'fishbowl:ask', error: { code: 'VALIDATION' } });
    clients[3].emit('fishbowl:ask');
    clients[3].emit('no-such-event', { sessionId });
    // A payload above the transport limit closes only that connection.
    const hostile = await connect(app.url, people[3].token, { reconnection: false });
    const closed = new Promise((resolve) => hostile.once('disconnect', resolve));
    hostile.emit('fishbowl:ask', { sessionId, where: 'hall', topic: 'x'.repeat(200_000) });
    await closed;
    await sleep(100);
    const after = await join(clients[3], sessionId);
    expect(after.version).toBe(before.version);
    expect(after.queue).toEqual(before.queue.map((q) => ({ ...q, expectedWaitMs: expect.any(Number) })));
  });

  it('rate-limits a flood from one socket instead of passing it to the database', async () => {
    const acks = await Promise.all(Array.from({ length: 150 }, () => send(clients[2], 'fishbowl:join', { sessionId })));
    expect(acks.some((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toBe(true);
    expect(acks.some((a) => a.ok)).toBe(true);
  });
});
