// Booth queue places pushed (issue 19): real Socket.IO clients on /market, the real api and LiveKit. Waiting
// visitors follow the booth and get their own position and expected wait whenever the queue moves, and
// "come in" when the staff invite them; nobody polls.
import { io, type Socket } from 'socket.io-client';
import type { BoothLivePlace, MarketFollowAck } from '@podium/contracts';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { eventually } from '../chat/support';

jest.setTimeout(120_000);

type Person = { token: string; personId: string };
type Follower = Socket & { places: BoothLivePlace[] };
const SLUG = 'buko-2020';
let app: TestApp;
let staff: Person;
const v: Person[] = [];
let boothId: string;
let otherBoothId: string;
const sockets: Socket[] = [];
const post = (p: Person, rest: string) => api(app.url, 'POST', `/api/conferences/${SLUG}/booths${rest}`, { token: p.token, body: {} });

async function follow(p: Person, booth: string): Promise<{ socket: Follower; ack: MarketFollowAck }> {
  const socket = io(`${app.url}/market`, { auth: { token: p.token }, transports: ['websocket'], reconnection: false, forceNew: true }) as Follower;
  sockets.push(socket);
  socket.places = [];
  socket.on('market:place', (place: BoothLivePlace) => socket.places.push(place));
  await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
  const ack = (await socket.timeout(10_000).emitWithAck('market:follow', { boothId: booth })) as MarketFollowAck;
  return { socket, ack };
}
const last = (s: Follower) => s.places[s.places.length - 1];

beforeAll(async () => {
  app = await startTestApp('market-queue-push');
  const organiser = await signIn(app, 'organiser', 'Olga Organisation', SLUG);
  staff = await signIn(app, 'attendee', 'Stefan Stand', SLUG);
  for (const name of ['Vera', 'Willi', 'Xenia', 'Yusuf']) v.push(await signIn(app, 'attendee', `${name} Besuch`, SLUG));
  const booths = [];
  for (const name of ['Integrationslotsen Ulm', 'Sprachcafé Kassel']) {
    const created = await api(app.url, 'POST', `/api/conferences/${SLUG}/booths`, { token: organiser.token, body: { name, capacity: 2, staff: [staff.personId] } });
    expect(created.status).toBe(201);
    booths.push(created.body.id as string);
  }
  [boothId, otherBoothId] = booths;
  expect((await post(staff, `/${boothId}/staff`)).status).toBe(200);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.stop();
});

it('pushes each waiting visitor their own place as the queue moves, and "in" when invited', async () => {
  for (const p of v) expect((await post(p, `/${boothId}/visit`)).status).toBe(200);
  const xenia = await follow(v[2], boothId);
  const yusuf = await follow(v[3], boothId);
  const bystander = await follow(v[0], otherBoothId);
  const busy = { boothId, open: true, visitors: 2, capacity: 2, queue: 2 };
  // No visit has ended: the first waits one default visit (5 minutes), as does the second (two places free up).
  expect(xenia.ack).toEqual({ ok: true, place: { ...busy, status: 'queued', position: 1, expectedWaitMs: 300_000 } });
  expect(yusuf.ack).toEqual({ ok: true, place: { ...busy, status: 'queued', position: 2, expectedWaitMs: 300_000 } });

  // Vera leaves: a place is free, so the head of the queue waits nothing now (the staff will invite her).
  expect((await post(v[0], `/${boothId}/leave`)).status).toBe(200);
  await eventually(() => last(xenia.socket)?.visitors === 1);
  expect(last(xenia.socket)).toEqual({ boothId, open: true, visitors: 1, capacity: 2, queue: 2, status: 'queued', position: 1, expectedWaitMs: 0 });
  await eventually(() => last(yusuf.socket)?.visitors === 1);
  expect(last(yusuf.socket)).toMatchObject({ status: 'queued', position: 2 });

  // The staff invite the next: Xenia is let in, Yusuf moves up.
  expect((await post(staff, `/${boothId}/invite-next`)).body).toEqual({ personId: v[2].personId });
  await eventually(() => last(xenia.socket)?.status === 'in');
  expect(last(xenia.socket)).toEqual({ boothId, open: true, visitors: 2, capacity: 2, queue: 1, status: 'in', position: null, expectedWaitMs: null });
  await eventually(() => last(yusuf.socket)?.position === 1);
  expect(last(yusuf.socket)).toMatchObject({ status: 'queued', position: 1, queue: 1 });

  // Yusuf gives up: he hears he is out; someone following another booth heard nothing of all this.
  expect((await post(v[3], `/${boothId}/leave`)).status).toBe(200);
  await eventually(() => last(yusuf.socket)?.status === 'out');
  expect(bystander.ack).toMatchObject({ ok: true, place: { boothId: otherBoothId, status: 'out', open: false } });
  expect(bystander.socket.places).toEqual([]);
});

it('after unfollowing, nothing more arrives; an unknown booth is NOT_FOUND, a bad payload VALIDATION', async () => {
  const willi = await follow(v[1], boothId);
  expect(willi.ack).toMatchObject({ ok: true, place: { status: 'in' } });
  expect(await willi.socket.timeout(10_000).emitWithAck('market:unfollow', { boothId })).toEqual({ ok: true });
  expect((await post(v[1], `/${boothId}/leave`)).status).toBe(200);
  const marker = await follow(v[0], boothId); // a second follower proves the leave was pushed by now
  expect((await post(v[0], `/${boothId}/visit`)).status).toBe(200);
  await eventually(() => last(marker.socket)?.status === 'in');
  expect(willi.socket.places).toEqual([]);
  const unknown = await willi.socket.timeout(10_000).emitWithAck('market:follow', { boothId: '11111111-1111-4111-8111-111111111111' });
  expect(unknown.error.code).toBe('NOT_FOUND');
  const bad = await willi.socket.timeout(10_000).emitWithAck('market:follow', { boothId, personId: v[0].personId });
  expect(bad.error).toMatchObject({ code: 'VALIDATION', details: { field: 'personId' } });
});
