// "Kontakt anfragen" becomes a video call with real LiveKit: no call before the person asked accepts; then the two
// (rtc-node participants) connect to the request's own room and hear each other; a third person gets 403.
import { dispose } from '@livekit/rtc-node';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { disconnectAll, eventually, firstAudibleFrame, talk, withTimeout } from '../livestream/rtc';

jest.setTimeout(120_000);

type Person = { token: string; personId: string };
const SLUG = 'buko-2020';
let app: TestApp;
let ada: Person;
let ben: Person;
let carla: Person;
let requestId: string;
const mics: { stop(): void }[] = [];
const call = (p: Person, method: string, rest: string, body?: unknown) => api(app.url, method, `/api/conferences/${SLUG}${rest}`, { token: p.token, body });
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));


beforeAll(async () => {
  app = await startTestApp('networking-calls');
  ada = await signIn(app, 'attendee', 'Ada Anruf', SLUG);
  ben = await signIn(app, 'attendee', 'Ben Bildschirm', SLUG);
  carla = await signIn(app, 'attendee', 'Carla Dritte', SLUG);
  for (const [p, contact] of [[ada, 'ada@example.org'], [ben, 'ben@example.org'], [carla, 'carla@example.org']] as const) {
    expect((await call(p, 'PUT', '/directory/me', { contact })).status).toBe(200);
  }
  const sent = await call(ada, 'POST', '/contact-requests', { to: ben.personId, message: 'Kurz per Video?' });
  expect(sent.status).toBe(201);
  requestId = sent.body.id;
});

afterAll(async () => {
  for (const m of mics) m.stop();
  await disconnectAll();
  await app?.stop();
  await dispose();
});

it('no call before the person asked accepts; a bad id is not found', async () => {
  for (const p of [ada, ben]) expect((await call(p, 'POST', `/contact-requests/${requestId}/call`)).body).toMatchObject({ error: { code: 'CONFLICT', details: { networking: 'not-accepted' } } });
  expect((await call(ada, 'POST', '/contact-requests/not-a-uuid/call')).status).toBe(404);
  expect((await call(ada, 'POST', '/contact-requests/00000000-0000-4000-8000-000000000000/call')).status).toBe(404);
});

it('after acceptance the two get tokens for the request\'s own room and hear each other; a third gets 403', async () => {
  expect((await call(ben, 'POST', `/contact-requests/${requestId}/answer`, { accept: true })).body).toEqual({ id: requestId, status: 'accepted' });
  expect((await call(carla, 'POST', `/contact-requests/${requestId}/call`)).status).toBe(403);
  const a = await call(ada, 'POST', `/contact-requests/${requestId}/call`);
  const b = await call(ben, 'POST', `/contact-requests/${requestId}/call`);
  expect([a.status, b.status]).toEqual([200, 200]);
  expect([a.body.room, a.body.members]).toEqual([`podium-call-${requestId}`, [{ personId: ben.personId, displayName: 'Ben Bildschirm' }]]);
  expect([b.body.room, b.body.members]).toEqual([`podium-call-${requestId}`, [{ personId: ada.personId, displayName: 'Ada Anruf' }]]);
  const grant = claims(a.body.token);
  expect([grant.sub, grant.video.room, grant.video.roomJoin, grant.video.canPublish, grant.video.roomAdmin ?? false]).toEqual([ada.personId, `podium-call-${requestId}`, true, true, false]);
  const adaRoom = await talk(a.body, mics);
  const benRoom = await talk(b.body, mics);
  await eventually(async () => adaRoom.heard.has(ben.personId) && benRoom.heard.has(ada.personId), 30_000, 'both subscribed to each other');
  await withTimeout(firstAudibleFrame(adaRoom.heard.get(ben.personId)!), 20_000, 'Ada hears Ben');
  await withTimeout(firstAudibleFrame(benRoom.heard.get(ada.personId)!), 20_000, 'Ben hears Ada');
  expect([...adaRoom.room.remoteParticipants.keys()]).toEqual([ben.personId]);
});

it('a declined request has no call, and contact details stay where they were (only the accepted pair)', async () => {
  const sent = await call(carla, 'POST', '/contact-requests', { to: ada.personId });
  expect((await call(ada, 'POST', `/contact-requests/${sent.body.id}/answer`, { accept: false })).status).toBe(200);
  expect((await call(carla, 'POST', `/contact-requests/${sent.body.id}/call`)).body).toMatchObject({ error: { code: 'CONFLICT', details: { networking: 'not-accepted' } } });
  const mine = (await call(ada, 'GET', '/contact-requests')).body as { other: { displayName: string }; contact: string | null }[];
  expect(mine.map((r) => [r.other.displayName, r.contact])).toEqual([['Ben Bildschirm', 'ben@example.org'], ['Carla Dritte', null]]);
});
