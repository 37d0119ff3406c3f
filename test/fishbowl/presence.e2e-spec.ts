import type { FishbowlView } from '@podium/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { connect, createPeople, join, moderatedFishbowl, okIn, until, type Client, type Person } from './support';

/**
 * Chairs and presence agree, over real Socket.IO and PostgreSQL: a fixed panelist is absent until
 * connected; a queued guest whose every socket closed is marked away after FISHBOWL_AWAY_SECONDS and
 * dropped FISHBOWL_AWAY_GRACE_SECONDS later; a second tab keeps a person present.
 */
describe('fishbowl presence', () => {
  let app: TestApp;
  let sessionId: string;
  let mod: Client;
  let moderator: { token: string; personId: string };
  let panelist: Person;
  let guests: Person[];
  const open: Client[] = [];
  let clara: Client;

  beforeAll(async () => {
    app = await startTestApp('fishbowl-presence', { livekit: false, seedDemo: false, env: { FISHBOWL_AWAY_SECONDS: '1', FISHBOWL_AWAY_GRACE_SECONDS: '2' } });
    const fishbowl = await moderatedFishbowl(app);
    ({ sessionId, moderator, panelist } = fishbowl);
    guests = await createPeople(app, fishbowl.conferenceId, 3);
    mod = await connect(app.url, moderator.token);
    open.push(mod);
  });

  afterAll(async () => {
    for (const c of open) c.disconnect();
    await app?.stop();
  });

  const ok = (socket: Client, event: string, payload: Record<string, unknown> = {}) => okIn(sessionId)(socket, event, payload);
  const client = async (token: string) => {
    const c = await connect(app.url, token, { reconnection: false });
    open.push(c);
    await join(c, sessionId);
    return c;
  };
  const chairs = (v: FishbowlView) => v.chairs.map((c) => (c.occupant ? [c.occupant.personId, c.occupant.connected] : null));
  const queue = (v: FishbowlView) => v.queue.map((q) => [q.personId, q.away]);
  const closed = (c: Client) => new Promise<void>((resolve) => (c.once('disconnect', () => resolve()), c.disconnect()));

  it('shows a fixed panelist absent until they connect, and absent again when they close the page', async () => {
    const first = await join(mod, sessionId);
    await ok(mod, 'fishbowl:start', { expectedVersion: first.version });
    const M = moderator.personId;
    const P = panelist.personId;
    // The moderator joined before the start: their fixed chair counts them as connected.
    await until(mod, (v) => v.status === 'running');
    expect(chairs(mod.latest()!)).toEqual([[M, true], [P, false], null, null, null]);
    const pc = await client(panelist.token);
    await until(mod, (v) => v.chairs[1].occupant?.connected === true);
    expect(chairs(mod.latest()!)).toEqual([[M, true], [P, true], null, null, null]);
    await closed(pc);
    await until(mod, (v) => v.chairs[1].occupant?.connected === false);
    expect(chairs(mod.latest()!)).toEqual([[M, true], [P, false], null, null, null]);
  });

  it('marks a guest who left away, then drops them; a second tab keeps a guest present', async () => {
    const [a, b, c] = guests;
    const a1 = await client(a.token);
    const b1 = await client(b.token);
    const b2 = await client(b.token); // Ben's second tab
    const c1 = (clara = await client(c.token));
    for (const s of [a1, b1, c1]) await ok(s, 'fishbowl:ask', { where: 'remote' });
    await until(mod, (v) => v.queueLength === 3);
    await closed(a1);
    await closed(b1);
    // Anna is away after 1 s; Ben still has a tab open, Clara never left.
    const away = await until(mod, (v) => v.queue.some((q) => q.away));
    expect(queue(away)).toEqual([[a.personId, true], [b.personId, false], [c.personId, false]]);
    const dropped = await until(mod, (v) => v.queueLength === 2);
    expect(queue(dropped)).toEqual([[b.personId, false], [c.personId, false]]);
    expect(b2.connected).toBe(true);
  });

  it('a guest who comes back before the away time keeps their place unmarked', async () => {
    const [, , c] = guests;
    const before = mod.latest()!.version;
    await closed(clara);
    const gone = await until(mod, (v) => v.version > before); // presence-lost committed
    expect(gone.nextDeadline).not.toBeNull(); // the away mark is scheduled
    const c2 = await client(c.token); // back: presence-returned
    const back = await until(mod, (v) => v.version > before + 1);
    expect(queue(back)).toEqual([[guests[1].personId, false], [c.personId, false]]);
    // No away or drop is scheduled any more: nothing will happen to Clara's entry.
    expect(back.nextDeadline).toBeNull();
    expect(c2.connected).toBe(true);
  });
});
