// Deeply nested JSON is refused by depth before validation walks it (it overflowed the stack: 500 and a logged stack).
import { randomBytes } from 'node:crypto';
import { connect, createFishbowl, send } from '../fishbowl/support';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';

const nestedArrays = (n: number) => '['.repeat(n) + ']'.repeat(n);
const nestedObjects = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

describe('deep JSON in request bodies and socket payloads', () => {
  let app: TestApp;
  let slug: string;
  let organiser: string;
  beforeAll(async () => {
    app = await startTestApp('sec-deep-json', { livekit: false, env: { RATE_LIMIT_FACTOR: '0' } });
    slug = `deep-${randomBytes(3).toString('hex')}`;
    await app.podium.dataSource.query(
      `INSERT INTO conference (slug, title, start_date, end_date, timezone, allow_guests, published) VALUES ($1, 'Tiefe', current_date, current_date, 'Europe/Berlin', true, true)`,
      [slug],
    );
    organiser = (await signIn(app, 'organiser', 'Orga Tief', slug)).token;
  });
  afterAll(() => app?.stop());

  const guests = async () => Number((await app.podium.dataSource.query(`SELECT count(*) AS n FROM person WHERE display_name LIKE 'Tiefgast%'`))[0].n);

  it('answers 100,000 nested arrays to the anonymous guest sign-in with 400 VALIDATION, writes nothing, and keeps serving', async () => {
    const before = await guests();
    const res = await api(app.url, 'POST', `/api/conferences/${slug}/guests`, { body: `{"displayName":"Tiefgast","x":${nestedArrays(100_000)}}` });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'VALIDATION', message: 'The request body nests deeper than 32 levels' });
    expect(await guests()).toBe(before);
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
    // A normal sign-in right after works.
    const ok = await api(app.url, 'POST', `/api/conferences/${slug}/guests`, { body: { displayName: 'Tiefgast Normal' } });
    expect(ok.status).toBe(201);
  });

  it("answers 5,000 nested objects in an organiser's PATCH with 400 and leaves the conference unchanged", async () => {
    const res = await api(app.url, 'PATCH', `/api/conferences/${slug}`, { token: organiser, body: `{"title":"Geändert","venue":${nestedObjects(5000)}}` });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect((await api(app.url, 'GET', `/api/conferences/${slug}`)).body.title).toBe('Tiefe');
  });

  it('still accepts bodies nested exactly 32 deep (the limit is on depth, not on JSON as such)', async () => {
    // 32 levels: the body object plus 31 nested arrays; validation then refuses the unknown field normally.
    const res = await api(app.url, 'PATCH', `/api/conferences/${slug}`, { token: organiser, body: `{"extra":${nestedArrays(31)}}` });
    expect(res.status).toBe(400);
    expect(res.body.error.message).not.toContain('nests deeper');
  });

  it('refuses a deep socket payload with a VALIDATION ack before the handler, and the socket keeps working', async () => {
    const { conferenceId, sessionId } = await createFishbowl(app.podium.dataSource);
    await app.podium.dataSource.query(`UPDATE conference SET slug = $2 WHERE id = $1`, [conferenceId, `${slug}-fb`]);
    const person = await signIn(app, 'attendee', 'Tiefe Teilnehmerin', `${slug}-fb`);
    const socket = await connect(app.url, person.token, { reconnection: false });
    let deep: unknown = 1;
    for (let i = 0; i < 1000; i++) deep = [deep];
    const refused = await send<{ error?: { code: string; message: string } }>(socket, 'fishbowl:ask', { sessionId, where: 'remote', topic: deep });
    expect(refused.error).toEqual({ code: 'VALIDATION', message: 'The payload nests deeper than 32 levels' });
    // 30,000 nested arrays (60 kB, under the transport limit) as a raw Socket.IO frame, no ack: an 'exception' event answers.
    const exception = new Promise<unknown>((resolve) => socket.once('exception', resolve));
    (socket.io.engine as unknown as { write(data: string): void }).write(`2/fishbowl,["fishbowl:ask",{"sessionId":"${sessionId}","where":"remote","topic":${nestedArrays(30_000)}}]`);
    expect(await exception).toEqual({ event: 'fishbowl:ask', error: { code: 'VALIDATION', message: 'The payload nests deeper than 32 levels' } });
    const queue = await app.podium.dataSource.query(`SELECT count(*) AS n FROM fishbowl_event WHERE session_id = $1`, [sessionId]);
    expect(Number(queue[0].n)).toBe(0);
    const joined = await send<{ ok?: boolean }>(socket, 'fishbowl:join', { sessionId });
    expect(joined.ok).toBe(true);
    socket.disconnect();
  });
});
