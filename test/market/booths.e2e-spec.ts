// Markt der Möglichkeiten with real LiveKit: a booth of two places fills, the third visitor waits in the fair
// queue (position and expected wait), a freed place is not taken past the queue, the staff invite the next who
// then talks with the staff in the booth's room (rtc-node); contact details only when the visitor leaves them.
import { dispose } from '@livekit/rtc-node';
import type { BoothPlace, BoothSummary } from '@podium/contracts';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { disconnectAll, eventually, firstAudibleFrame, talk, withTimeout } from '../livestream/rtc';

jest.setTimeout(120_000);

type Person = { token: string; personId: string };
const SLUG = 'buko-2020';
let app: TestApp;
let organiser: Person;
let staff: Person;
const v: Person[] = [];
let boothId: string;
const mics: { stop(): void }[] = [];
const path = (rest = '') => `/api/conferences/${SLUG}/booths${rest}`;
const post = (p: Person, rest: string, body?: unknown) => api(app.url, 'POST', path(rest), { token: p.token, body: body ?? {} });

function talkIn(place: BoothPlace) {
  if (place.status !== 'in') throw new Error('not in the booth');
  return talk(place, mics);
}

beforeAll(async () => {
  app = await startTestApp('market-booths');
  organiser = await signIn(app, 'organiser', 'Olga Organisation', SLUG);
  staff = await signIn(app, 'attendee', 'Stefan Stand', SLUG);
  for (const name of ['Vera', 'Willi', 'Xenia']) v.push(await signIn(app, 'attendee', `${name} Besuch`, SLUG));
  const created = await api(app.url, 'POST', path(), {
    token: organiser.token,
    body: { name: 'Integrationslotsen Ulm', description: 'Ehrenamtliche begleiten Neuzugewanderte.', links: [{ label: 'Website', url: 'https://example.org/lotsen' }], logoUrl: 'https://example.org/logo.png', capacity: 2, staff: [staff.personId] },
  });
  expect(created.status).toBe(201);
  boothId = created.body.id;
});

afterAll(async () => {
  for (const m of mics) m.stop();
  await disconnectAll();
  await app?.stop();
  await dispose();
});

it('is closed until its staff arrive; the market page shows who staffs it and how busy it is', async () => {
  expect((await post(v[0], `/${boothId}/visit`)).body).toMatchObject({ error: { code: 'CONFLICT', details: { market: 'closed' } } });
  expect((await post(staff, `/${boothId}/staff`)).body).toMatchObject({ status: 'in', room: `podium-booth-${boothId}` });
  const market = await api(app.url, 'GET', path(), { token: v[0].token });
  const mine = (market.body as BoothSummary[]).find((b) => b.id === boothId);
  expect(mine).toEqual({
    id: boothId,
    name: 'Integrationslotsen Ulm',
    description: 'Ehrenamtliche begleiten Neuzugewanderte.',
    links: [{ label: 'Website', url: 'https://example.org/lotsen' }],
    logoUrl: 'https://example.org/logo.png',
    open: true,
    staffPresent: ['Stefan Stand'],
    visitors: 0,
    capacity: 2,
    queue: 0,
  });
});

it('two visitors get in, the third waits first in the queue; a freed place is not taken past the queue', async () => {
  expect((await post(v[0], `/${boothId}/visit`)).body).toMatchObject({ status: 'in', visitors: 1, capacity: 2 });
  expect((await post(v[1], `/${boothId}/visit`)).body).toMatchObject({ status: 'in', visitors: 2 });
  // Nobody has left yet: the expected wait is one assumed visit of 5 minutes.
  expect((await post(v[2], `/${boothId}/visit`)).body).toEqual({ status: 'queued', position: 1, expectedWaitMs: 300_000, visitors: 2, capacity: 2 });
  expect((await post(v[0], `/${boothId}/leave`)).status).toBe(200);
  expect((await post(v[2], `/${boothId}/visit`)).body).toMatchObject({ status: 'queued', position: 1, expectedWaitMs: 0, visitors: 1 });
  const market = (await api(app.url, 'GET', path(), { token: v[2].token })).body as BoothSummary[];
  expect(market.find((b) => b.id === boothId)).toMatchObject({ visitors: 1, queue: 1 });
});

it('only staff invite the next; the invited visitor then talks with the staff in the booth room', async () => {
  expect((await post(v[1], `/${boothId}/invite-next`)).status).toBe(403);
  expect((await post(staff, `/${boothId}/invite-next`)).body).toEqual({ personId: v[2].personId });
  const place = (await post(v[2], `/${boothId}/visit`)).body as BoothPlace;
  expect(place).toMatchObject({ status: 'in', visitors: 2 });
  const staffPlace = (await post(staff, `/${boothId}/staff`)).body as BoothPlace;
  const stand = await talkIn(staffPlace);
  const visitor = await talkIn(place);
  await eventually(async () => stand.heard.has(v[2].personId) && visitor.heard.has(staff.personId), 30_000, 'staff and visitor subscribed to each other');
  await withTimeout(firstAudibleFrame(stand.heard.get(v[2].personId)!), 20_000, 'the staff hear the visitor');
  await withTimeout(firstAudibleFrame(visitor.heard.get(staff.personId)!), 20_000, 'the visitor hears the staff');
});

it('contact details reach the staff only when the visitor leaves them, and only while visiting', async () => {
  expect((await api(app.url, 'GET', path(`/${boothId}/contacts`), { token: staff.token })).body).toEqual([]);
  expect((await post(v[0], `/${boothId}/contact`, { contact: 'vera@example.org' })).body).toMatchObject({ error: { code: 'CONFLICT', details: { market: 'not-visiting' } } });
  expect((await post(v[2], `/${boothId}/contact`, { contact: 'xenia@example.org, Tel. 0731 123' })).status).toBe(200);
  const contacts = await api(app.url, 'GET', path(`/${boothId}/contacts`), { token: staff.token });
  expect(contacts.body.map((c: { displayName: string; contact: string }) => [c.displayName, c.contact])).toEqual([['Xenia Besuch', 'xenia@example.org, Tel. 0731 123']]);
  expect((await api(app.url, 'GET', path(`/${boothId}/contacts`), { token: v[2].token })).status).toBe(403);
});
