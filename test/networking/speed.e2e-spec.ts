// Speed networking over REST with real PostgreSQL and LiveKit: organisers start rounds among people of the directory
// who take part; pairs meet nobody twice; a latecomer waits for the next draw, then makes a trio; each group has its
// own call room; contact details cross only both ways; the organiser's retention deletes it all (moved clock).
import type { SpeedNetworkingView } from '@podium/contracts';
import { NetworkingRetention } from '../../apps/api/src/networking/networking-retention';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';

jest.setTimeout(120_000);

type Person = { token: string; personId: string; name: string };
const SLUG = 'buko-2020';
let app: TestApp;
let org: Person;
const p: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', Person> = {} as never;
let id: string;
const call = (who: Person, method: string, rest: string, body?: unknown) => api(app.url, method, `/api/conferences/${SLUG}${rest}`, { token: who.token, body });
const view = async (who: Person) => (await call(who, 'GET', `/speed-networking/${id}`)).body as SpeedNetworkingView;
const nameOf = (personId: string) => Object.values(p).find((x) => x.personId === personId)!.name;
/** The pairs (or trio) of a round as sorted name lists, from each member's own view. */
async function round(people: Person[]): Promise<string[]> {
  const groups = new Set<string>();
  for (const who of people) {
    const v = await view(who);
    if (v.current) groups.add([who.name, ...v.current.members.map((m) => m.displayName)].sort().join('+'));
  }
  return [...groups].sort();
}
const pairsOf = (groups: string[]) => groups.flatMap((g) => { const m = g.split('+'); return m.flatMap((x, i) => m.slice(i + 1).map((y) => `${x}|${y}`)); });
/** Time passes: moving the start back is the clock moving on. */
const later = (minutes: number) => app.podium.dataSource.query(`UPDATE speed_networking SET started_at = started_at - $2 * interval '1 minute' WHERE id = $1`, [id, minutes]);

beforeAll(async () => {
  app = await startTestApp('networking-speed');
  org = { ...(await signIn(app, 'organiser', 'Olga Orga', SLUG)), name: 'Olga' };
  for (const [key, name] of [['a', 'Anna'], ['b', 'Bert'], ['c', 'Cem'], ['d', 'Dora'], ['e', 'Emil'], ['f', 'Fritz']] as const) {
    p[key] = { ...(await signIn(app, 'attendee', name, SLUG)), name };
    if (key !== 'f') expect((await call(p[key], 'PUT', '/directory/me', { contact: `${name.toLowerCase()}@example.org`, topics: ['Wohnen'] })).status).toBe(200);
  }
});
afterAll(() => app?.stop());

it('only organisers and moderators set up rounds; bad settings are refused', async () => {
  expect((await call(p.a, 'POST', '/speed-networking', { minutes: 5, rounds: 3 })).status).toBe(403);
  for (const body of [{ minutes: 0, rounds: 3 }, { minutes: 31, rounds: 3 }, { minutes: 5, rounds: 21 }, { minutes: 5, rounds: '3' }, { minutes: 5, rounds: 3, byTopic: 'ja' }, { minutes: 5 }, { minutes: 5, rounds: 3, sessionId: 'x' }]) {
    expect([JSON.stringify(body), (await call(org, 'POST', '/speed-networking', body)).status]).toEqual([JSON.stringify(body), 400]);
  }
  expect((await call(org, 'POST', '/speed-networking', { minutes: 5, rounds: 3, sessionId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  const created = await call(org, 'POST', '/speed-networking', { minutes: 5, rounds: 3 });
  expect(created.status).toBe(201);
  id = created.body.id;
  expect(created.body).toMatchObject({ minutes: 5, rounds: 3, byTopic: false, status: 'open', round: null, present: 0, joined: false, current: null, groups: [] });
  expect((await call(p.a, 'GET', '/speed-networking/not-a-uuid')).status).toBe(404);
});

it('people outside the directory do not take part; rounds need two', async () => {
  expect((await call(p.f, 'POST', `/speed-networking/${id}/join`)).status).toBe(403);
  expect((await call(p.a, 'POST', `/speed-networking/${id}/join`)).body).toMatchObject({ joined: true, present: 1 });
  expect((await call(org, 'POST', `/speed-networking/${id}/start`)).body).toMatchObject({ error: { code: 'CONFLICT', details: { networking: 'too-few' } } });
  for (const who of [p.b, p.c, p.d]) expect((await call(who, 'POST', `/speed-networking/${id}/join`)).status).toBe(200);
  expect((await call(p.a, 'POST', `/speed-networking/${id}/start`)).status).toBe(403);
});

it('four people over rounds one and two meet four different partners; each group has its own call room', async () => {
  expect((await call(org, 'POST', `/speed-networking/${id}/start`)).body).toMatchObject({ status: 'running', round: 1, present: 4 });
  expect((await call(org, 'POST', `/speed-networking/${id}/start`)).body).toMatchObject({ error: { code: 'CONFLICT', details: { networking: 'started' } } });
  const one = await round([p.a, p.b, p.c, p.d]);
  expect(one.map((g) => g.split('+').length)).toEqual([2, 2]);
  expect(one.join('+').split('+').sort()).toEqual(['Anna', 'Bert', 'Cem', 'Dora']);
  const a = await call(p.a, 'POST', `/speed-networking/${id}/call`);
  const partner = (await view(p.a)).current!;
  expect([a.status, a.body.room, a.body.members.map((m: { displayName: string }) => m.displayName)]).toEqual([200, `podium-speed-${partner.groupId}`, partner.members.map((m) => m.displayName)]);
  // Emil comes late: he waits for the next draw, and has no call room meanwhile; Fritz never joined.
  expect((await call(p.e, 'POST', `/speed-networking/${id}/join`)).body).toMatchObject({ joined: true, present: 5, current: null });
  expect((await call(p.e, 'POST', `/speed-networking/${id}/call`)).body).toMatchObject({ error: { code: 'CONFLICT', details: { networking: 'waiting' } } });
  expect((await call(p.f, 'POST', `/speed-networking/${id}/call`)).status).toBe(409);
  // Emil leaves again before the next draw: round two is among the four.
  expect((await call(p.e, 'POST', `/speed-networking/${id}/leave`)).body).toMatchObject({ joined: false, present: 4 });
  await later(5);
  const two = await round([p.a, p.b, p.c, p.d]);
  expect((await view(p.a)).round).toBe(2);
  expect(two.map((g) => g.split('+').length)).toEqual([2, 2]);
  expect(pairsOf(two).filter((x) => pairsOf(one).includes(x))).toEqual([]);
  expect((await view(p.a)).groups.map((g) => g.round)).toEqual([1, 2]);
});

it('in round three the latecomer makes a trio and still nobody meets anyone twice', async () => {
  expect((await call(p.e, 'POST', `/speed-networking/${id}/join`)).status).toBe(200);
  const earlier = new Set<string>();
  for (const who of [p.a, p.b, p.c, p.d]) for (const g of (await view(who)).groups) for (const m of g.members) earlier.add([who.name, m.displayName].sort().join('|'));
  expect(earlier.size).toBe(4);
  await later(5);
  const three = await round([p.a, p.b, p.c, p.d, p.e]);
  expect(three.map((g) => g.split('+').length).sort()).toEqual([2, 3]);
  expect(pairsOf(three).filter((x) => earlier.has(x))).toEqual([]);
});

it('contact details cross in a group only when both shared them; only members share', async () => {
  const first = (await view(p.a)).groups[0];
  const other = p[(Object.keys(p) as (keyof typeof p)[]).find((k) => p[k].personId === first.members[0].personId)!];
  expect((await call(p.a, 'POST', `/speed-networking/${id}/groups/${first.groupId}/share`, { share: 'ja' })).status).toBe(400);
  expect((await call(p.a, 'POST', `/speed-networking/${id}/groups/${first.groupId}/share`, { share: true })).body).toMatchObject({ shared: true, members: [{ personId: other.personId, contact: null }] });
  expect((await view(other)).groups[0]).toMatchObject({ round: 1, shared: false, members: [{ personId: p.a.personId, contact: null }] });
  const outsider = [p.b, p.c, p.d].find((x) => x.personId !== other.personId)!;
  expect((await call(outsider, 'POST', `/speed-networking/${id}/groups/${first.groupId}/share`, { share: true })).status).toBe(404);
  expect((await call(other, 'POST', `/speed-networking/${id}/groups/${first.groupId}/share`, { share: true })).body).toMatchObject({ shared: true, members: [{ personId: p.a.personId, contact: 'anna@example.org' }] });
  expect((await view(p.a)).groups[0].members).toEqual([{ personId: other.personId, displayName: nameOf(other.personId), contact: `${other.name.toLowerCase()}@example.org` }]);
  // Taking it back hides it again, both ways.
  await call(p.a, 'POST', `/speed-networking/${id}/groups/${first.groupId}/share`, { share: false });
  expect((await view(other)).groups[0].members[0].contact).toBeNull();
});

it('after the last round: done, no calls, no joining', async () => {
  await later(5);
  expect(await view(p.a)).toMatchObject({ status: 'done', round: null, current: null });
  expect((await call(p.a, 'POST', `/speed-networking/${id}/call`)).body).toMatchObject({ error: { code: 'CONFLICT', details: { networking: 'no-round' } } });
  expect((await call(p.f, 'POST', `/speed-networking/${id}/join`)).status).toBe(403);
  expect((await call(p.b, 'POST', `/speed-networking/${id}/join`)).body).toMatchObject({ error: { code: 'CONFLICT', details: { networking: 'done' } } });
});

it('the organiser sets how long networking data is kept; the sweep deletes it when the clock moves on', async () => {
  const path = '/networking-settings';
  expect((await call(org, 'GET', path)).body).toEqual({ networkingRetentionDays: 30 });
  expect((await call(p.a, 'PUT', path, { networkingRetentionDays: 2 })).status).toBe(403);
  for (const bad of [0, 366, '2', 1.5]) expect((await call(org, 'PUT', path, { networkingRetentionDays: bad })).status).toBe(400);
  expect((await call(org, 'PUT', path, { networkingRetentionDays: 2 })).body).toEqual({ networkingRetentionDays: 2 });
  const sent = await call(p.a, 'POST', '/contact-requests', { to: p.b.personId });
  await call(p.b, 'POST', `/contact-requests/${sent.body.id}/answer`, { accept: true });
  const db = app.podium.dataSource;
  const count = async () => (await db.query(
    `SELECT (SELECT count(*)::int FROM contact_request r JOIN conference c ON c.id = r.conference_id WHERE c.slug = $1) AS requests,
            (SELECT count(*)::int FROM speed_networking s JOIN conference c ON c.id = s.conference_id WHERE c.slug = $1) AS runs,
            (SELECT count(*)::int FROM speed_group WHERE speed_id = $2) AS groups,
            (SELECT count(*)::int FROM speed_share g JOIN speed_group sg ON sg.id = g.group_id WHERE sg.speed_id = $2) AS shares`,
    [SLUG, id],
  ))[0];
  expect(await count()).toEqual({ requests: 1, runs: 1, groups: 6, shares: 1 });
  const retention = app.podium.app.get(NetworkingRetention);
  const day = 24 * 60 * 60 * 1000;
  expect(await retention.sweep(Date.now() + 1 * day)).toEqual({ requests: 0, rounds: 0 });
  expect(await count()).toEqual({ requests: 1, runs: 1, groups: 6, shares: 1 });
  expect(await retention.sweep(Date.now() + 2 * day + 60_000)).toEqual({ requests: 1, rounds: 1 });
  expect(await count()).toEqual({ requests: 0, runs: 0, groups: 0, shares: 0 });
  // The directory stays (people left it there themselves); only what happened between them is gone.
  expect((await call(p.a, 'GET', '/directory')).status).toBe(200);
  expect((await call(p.a, 'GET', '/contact-requests')).body).toEqual([]);
});
