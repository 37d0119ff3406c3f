// Meeting people: the directory shows only people who opted in, only to people who opted in, never their contact
// details; a contact request shares details only once the other side accepts; opting out removes everything.
import type { ContactRequestView, DirectoryEntry } from '@podium/contracts';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';

type Person = { token: string; personId: string };
const SLUG = 'buko-2020';
let app: TestApp;
let ada: Person;
let ben: Person;
let carla: Person;
const call = (p: Person, method: string, rest: string, body?: unknown) => api(app.url, method, `/api/conferences/${SLUG}${rest}`, { token: p.token, body });
const names = (entries: DirectoryEntry[]) => entries.map((e) => e.displayName).filter((n) => ['Ada Austausch', 'Ben Brücke', 'Carla Still'].includes(n));

beforeAll(async () => {
  app = await startTestApp('networking');
  ada = await signIn(app, 'attendee', 'Ada Austausch', SLUG);
  ben = await signIn(app, 'attendee', 'Ben Brücke', SLUG);
  carla = await signIn(app, 'attendee', 'Carla Still', SLUG);
});
afterAll(() => app?.stop());

it('the directory is for people who opted in, and never shows contact details', async () => {
  expect((await call(ada, 'GET', '/directory')).status).toBe(403);
  expect((await call(ada, 'PUT', '/directory/me', { function: 'Integrationsbeauftragte', organisation: 'Stadt Ulm', topics: ['Wohnen', 'Arbeit'], contact: 'ada@example.org' })).status).toBe(200);
  expect((await call(ben, 'PUT', '/directory/me', { organisation: 'Landkreis Kassel', contact: 'ben@example.org, 0561 1234' })).status).toBe(200);
  const listed = await call(ada, 'GET', '/directory');
  expect(names(listed.body)).toEqual(['Ada Austausch', 'Ben Brücke']);
  expect(listed.body.find((e: DirectoryEntry) => e.displayName === 'Ada Austausch')).toEqual({ personId: ada.personId, displayName: 'Ada Austausch', function: 'Integrationsbeauftragte', organisation: 'Stadt Ulm', topics: ['Wohnen', 'Arbeit'] });
  expect(JSON.stringify(listed.body)).not.toContain('example.org');
});

it('a request to someone not in the directory is as unknown as a missing person; nobody asks from outside it', async () => {
  expect((await call(ada, 'POST', '/contact-requests', { to: carla.personId })).status).toBe(404);
  expect((await call(carla, 'POST', '/contact-requests', { to: ada.personId })).status).toBe(403);
});

it('contact details cross only when the person asked accepts; only they answer', async () => {
  const sent = await call(ada, 'POST', '/contact-requests', { to: ben.personId, message: 'Gern zum Thema Wohnen' });
  expect(sent.status).toBe(201);
  expect((await call(ada, 'POST', '/contact-requests', { to: ben.personId })).status).toBe(409);
  const pending = (await call(ben, 'GET', '/contact-requests')).body as ContactRequestView[];
  expect(pending.map((r) => [r.direction, r.other.displayName, r.message, r.status, r.contact])).toEqual([['received', 'Ada Austausch', 'Gern zum Thema Wohnen', 'pending', null]]);
  expect((await call(ada, 'POST', `/contact-requests/${sent.body.id}/answer`, { accept: true })).status).toBe(403);
  expect((await call(carla, 'POST', `/contact-requests/${sent.body.id}/answer`, { accept: true })).status).toBe(404);
  expect((await call(ben, 'POST', `/contact-requests/${sent.body.id}/answer`, { accept: true })).body).toEqual({ id: sent.body.id, status: 'accepted' });
  expect(((await call(ada, 'GET', '/contact-requests')).body as ContactRequestView[]).map((r) => [r.direction, r.status, r.contact])).toEqual([['sent', 'accepted', 'ben@example.org, 0561 1234']]);
  expect(((await call(ben, 'GET', '/contact-requests')).body as ContactRequestView[]).map((r) => [r.direction, r.status, r.contact])).toEqual([['received', 'accepted', 'ada@example.org']]);
  expect((await call(ben, 'POST', `/contact-requests/${sent.body.id}/answer`, { accept: false })).status).toBe(409);
});

it('a declined request shares nothing; opting out removes the entry and the requests', async () => {
  expect((await call(carla, 'PUT', '/directory/me', { contact: 'carla@example.org' })).status).toBe(200);
  const sent = await call(carla, 'POST', '/contact-requests', { to: ada.personId });
  expect((await call(ada, 'POST', `/contact-requests/${sent.body.id}/answer`, { accept: false })).status).toBe(200);
  expect(((await call(carla, 'GET', '/contact-requests')).body as ContactRequestView[]).map((r) => [r.status, r.contact])).toEqual([['declined', null]]);
  expect((await call(ben, 'DELETE', '/directory/me')).body).toEqual({ listed: false });
  expect(((await call(ada, 'GET', '/contact-requests')).body as ContactRequestView[]).map((r) => r.other.displayName)).toEqual(['Carla Still']);
  expect(names((await call(ada, 'GET', '/directory')).body)).toEqual(['Ada Austausch', 'Carla Still']);
  expect((await call(ben, 'GET', '/directory')).status).toBe(403);
});
