import { apiProcesses } from '../support/api-processes';
import { freeTcpPort } from '../support/server-process';
import { TEST_REDIS_URL } from '../support/services';
import { createFishbowl, essence, follow, insertPeople, ok, send, sessionTokens, until, type Client } from './support';

const SECRET = 'fishbowl-processes-secret-0123456789-abcdef';

/** The built api as real processes: killed mid-round and restarted, and two processes behind Redis. */
describe('fishbowl across api processes', () => {
  const api = apiProcesses('fishbowl-processes', SECRET);
  const { start, sockets } = api;


  it('keeps the exact state through a SIGKILL mid-round, and reconnecting clients see it', async () => {
    const { conferenceId, sessionId } = await createFishbowl(api.db);
    const tokens = sessionTokens(SECRET);
    const [mod] = await insertPeople(api.db, tokens, conferenceId, 1, 'moderator', 'Moderatorin');
    const guests = await insertPeople(api.db, tokens, conferenceId, 8);
    const port = await freeTcpPort();
    const first = await start({}, port);

    const moderator = await follow(first.url, mod, sessionId, sockets);
    const clients = await Promise.all(guests.map((g) => follow(first.url, g, sessionId, sockets)));
    let v = await ok(moderator, 'fishbowl:start', { sessionId, expectedVersion: 0 });
    for (const [i, c] of clients.entries()) v = Math.max(v, await ok(c, 'fishbowl:ask', { sessionId, where: i % 2 ? 'hall' : 'remote' }));
    v = await ok(moderator, 'fishbowl:invite', { sessionId, personId: guests[0].personId, expectedVersion: v });
    v = await ok(clients[0], 'fishbowl:accept', { sessionId });
    v = await ok(moderator, 'fishbowl:invite', { sessionId, personId: guests[1].personId, expectedVersion: v });
    const before = await until(clients[5], (x) => x.version === v);
    expect(before.chairs.filter((c) => c.occupant)).toHaveLength(1);
    expect(before.invitations).toHaveLength(1);

    expect(await first.stop('SIGKILL')).toBeNull();
    // Every client notices the dead server (the socket closes) before the new one is up.
    for (let i = 0; i < 100 && clients.some((c) => c.connected); i++) await new Promise((r) => setTimeout(r, 50));
    expect(clients.filter((c) => c.connected)).toHaveLength(0);
    const second = await start({}, port);
    // socket.io-client reconnects by itself; the re-join brings the full state.
    const afterViews = await Promise.all([moderator, ...clients].map((c) => until(c, (x) => x.version === v && c.connected, 20_000)));
    for (const view of afterViews) expect(essence(view)).toEqual(essence(before));
    const http = await fetch(`${second.url}/api/sessions/${sessionId}/fishbowl`, { headers: { authorization: `Bearer ${guests[7].token}` } });
    expect(essence(await http.json())).toEqual(essence(before));
    // And the fishbowl goes on where it stopped.
    const next = await ok(clients[1], 'fishbowl:accept', { sessionId });
    expect(next).toBe(v + 1);
    await until(clients[7], (x) => x.version === next && x.chairs.filter((c) => c.occupant).length === 2);
  }, 90_000);

  it('carries changes made through one process to clients on another (Redis), with one log and one winner per chair', async () => {
    const { conferenceId, sessionId } = await createFishbowl(api.db);
    const tokens = sessionTokens(SECRET);
    const mods = await insertPeople(api.db, tokens, conferenceId, 2, 'moderator', 'Mod');
    const guests = await insertPeople(api.db, tokens, conferenceId, 6);
    const [a, b] = await Promise.all([start({ REDIS_URL: TEST_REDIS_URL }), start({ REDIS_URL: TEST_REDIS_URL })]);

    const modA = await follow(a.url, mods[0], sessionId, sockets);
    const modB = await follow(b.url, mods[1], sessionId, sockets);
    const onA = await Promise.all(guests.slice(0, 3).map((g) => follow(a.url, g, sessionId, sockets)));
    const onB = await Promise.all(guests.slice(3).map((g) => follow(b.url, g, sessionId, sockets)));

    // Two open chairs and one fixed: configured through B, seen on A.
    const settings = { chairCount: 2, fixedChairs: [{ role: 'moderator', personId: mods[0].personId, displayName: 'Mod 0001' }] };
    let v = await ok(modB, 'fishbowl:configure', { sessionId, expectedVersion: 0, settings });
    await until(onA[0], (x) => x.version === v && x.chairs.length === 2);
    // A command through A right after: A's cache learns B's append inside its own transaction.
    const configured = v;
    v = await ok(modA, 'fishbowl:start', { sessionId, expectedVersion: v });
    // 2, or 3 when the fixed panelist's presence report (a system event since presence) landed in between.
    expect([configured + 1, configured + 2]).toContain(v);
    // Asks through both processes at once: one queue, every entry once, the same order everywhere.
    const acks = await Promise.all([...onA, ...onB].map((c) => send(c, 'fishbowl:ask', { sessionId, where: 'remote' })));
    const versions = acks.map((x) => (x.ok ? x.version : -1)).sort((x, y) => x - y);
    const base = v; // the asks follow the start
    expect(versions).toEqual([base + 1, base + 2, base + 3, base + 4, base + 5, base + 6]);
    const views = await Promise.all([modA, modB, ...onA, ...onB].map((c) => until(c, (x) => x.version === base + 6)));
    for (const view of views) expect(essence(view)).toEqual(essence(views[0]));
    expect(views[0].queue).toHaveLength(6);

    // Two moderators on two processes invite for the only open chair at the same version: exactly one wins.
    const [x, y] = await Promise.all([
      send(modA, 'fishbowl:invite', { sessionId, personId: guests[0].personId, expectedVersion: base + 6 }),
      send(modB, 'fishbowl:invite', { sessionId, personId: guests[3].personId, expectedVersion: base + 6 }),
    ]);
    expect([x, y].filter((r) => r.ok)).toHaveLength(1);
    expect([x, y].find((r) => !r.ok)).toMatchObject({ error: { code: 'STALE_VERSION' } });
    const rows: { version: number }[] = await api.db.query(`SELECT version FROM fishbowl_event WHERE session_id = $1 ORDER BY version`, [sessionId]);
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: base + 7 }, (_, i) => i + 1));
    const finals = await Promise.all([...onA, ...onB].map((c) => until(c, (z) => z.version === base + 7)));
    for (const view of finals) expect(essence(view)).toEqual(essence(finals[0]));
  }, 90_000);
});
