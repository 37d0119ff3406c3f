import { FISHBOWL_QUEUE_HEAD, queuePlaceOf } from '@podium/contracts';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { connect, createFishbowl, createPeople, essence, join, send, until, type Client } from './support';

/** 200 signed-in attendees ask for a seat at the same moment: one queue, every entry once, the same order everywhere. */
describe('fishbowl queue under a burst', () => {
  let app: TestApp;
  let fishbowl: Awaited<ReturnType<typeof createFishbowl>>;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp('fishbowl-queue', { livekit: false, seedDemo: false });
    fishbowl = await createFishbowl(app.podium.dataSource);
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await app?.stop();
  });

  it('queues 200 simultaneous asks exactly once each, and every client ends with the same view', async () => {
    const people = await createPeople(app, fishbowl.conferenceId, 200);
    const [moderator] = await createPeople(app, fishbowl.conferenceId, 1, 'moderator', 'mod');
    clients.push(...(await Promise.all(people.map((p) => connect(app.url, p.token)))));
    const joined = await Promise.all(clients.map((c) => join(c, fishbowl.sessionId)));
    expect(new Set(joined.map((v) => v.version)).size).toBe(1);

    const acks = await Promise.all(clients.map((c, i) => send(c, 'fishbowl:ask', { sessionId: fishbowl.sessionId, where: i % 2 ? 'hall' : 'remote', topic: `Punkt ${i}` })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const versions = acks.map((a) => (a.ok ? a.version : -1));
    expect(new Set(versions).size).toBe(200);

    const finalVersion = Math.max(...versions);
    const finals = await Promise.all(clients.map((c) => until(c, (v) => v.version >= finalVersion)));
    // Attendees get the head of the queue in full and the whole order as ids.
    const queued = finals[0].queueOrder;
    expect(queued).toHaveLength(200);
    expect(finals[0]).toMatchObject({ queueLength: 200, fullQueue: false });
    expect(new Set(queued)).toEqual(new Set(people.map((p) => p.personId)));
    expect(finals[0].queue.map((q) => q.position)).toEqual(Array.from({ length: FISHBOWL_QUEUE_HEAD }, (_, i) => i + 1));
    expect(finals[0].queue.map((q) => q.personId)).toEqual(queued.slice(0, FISHBOWL_QUEUE_HEAD));
    // FIFO: the queue order is the order of the commits (the ack versions).
    const byVersion = people.map((p, i) => [versions[i], p.personId] as const).sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    expect(queued).toEqual(byVersion);
    for (const view of finals) expect(essence(view)).toEqual(essence(finals[0]));
    // Everyone finds their own exact place, also far behind the head.
    const full = await api(app.url, 'GET', `/api/sessions/${fishbowl.sessionId}/fishbowl/full`, { token: moderator.token });
    expect(full.status).toBe(200);
    expect(full.body.queue).toHaveLength(200);
    finals.forEach((view, i) => {
      const entry = full.body.queue.find((q: { personId: string }) => q.personId === people[i].personId);
      expect(queuePlaceOf(view, people[i].personId)).toMatchObject({ position: entry.position, invited: entry.invited, expectedWaitMs: entry.expectedWaitMs });
    });
    // Moderators get every entry in full, on join and in every broadcast view.
    const mod = await connect(app.url, moderator.token);
    clients.push(mod);
    const modView = await join(mod, fishbowl.sessionId);
    expect(modView).toMatchObject({ fullQueue: true, queueLength: 200 });
    expect(modView.queue.map((q) => q.personId)).toEqual(queued);
    expect(await api(app.url, 'GET', `/api/sessions/${fishbowl.sessionId}/fishbowl/full`, { token: people[5].token })).toMatchObject({ status: 403 });

    // A second ask by the same person is refused and changes nothing.
    const again = await send(clients[0], 'fishbowl:ask', { sessionId: fishbowl.sessionId, where: 'hall' });
    expect(again).toMatchObject({ error: { code: 'CONFLICT', details: { reason: 'ALREADY_QUEUED' } } });

    // The HTTP view agrees with the sockets.
    const res = await api(app.url, 'GET', `/api/sessions/${fishbowl.sessionId}/fishbowl`, { token: people[5].token });
    expect(res.status).toBe(200);
    expect(essence(res.body)).toEqual(essence(finals[0]));
  });

  it('refuses strangers, unknown sessions and missing tokens', async () => {
    const other = await createFishbowl(app.podium.dataSource);
    const [stranger] = await createPeople(app, other.conferenceId, 1);
    const socket = await connect(app.url, stranger.token);
    try {
      expect(await send(socket, 'fishbowl:join', { sessionId: fishbowl.sessionId })).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await send(socket, 'fishbowl:ask', { sessionId: fishbowl.sessionId, where: 'hall' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await send(socket, 'fishbowl:join', { sessionId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(await send(socket, 'fishbowl:join', { sessionId: 'not-a-session' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    } finally {
      socket.disconnect();
    }
    await expect(connect(app.url, 'nonsense', { reconnection: false })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const res = await api(app.url, 'GET', `/api/sessions/${fishbowl.sessionId}/fishbowl`, { token: stranger.token });
    expect(res.status).toBe(403);
    const organiser = await signIn(app, 'attendee', 'Anna', fishbowl.slug);
    expect((await api(app.url, 'GET', `/api/sessions/${fishbowl.sessionId}/fishbowl/record`, { token: organiser.token })).status).toBe(403);
  });
});
