// The live captions' transcript in the session's record (fishbowl record and minutes), and kept from people
// the moderators removed from the session.
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { createFishbowl } from '../fishbowl/support';

let app: TestApp;
let sessionId: string;
let moderator: { token: string; personId: string };
let attendee: { token: string; personId: string };
let removed: { token: string; personId: string };

beforeAll(async () => {
  app = await startTestApp('transcript-record', { livekit: false, seedDemo: false });
  const db = app.podium.dataSource;
  const fishbowl = await createFishbowl(db);
  sessionId = fishbowl.sessionId;
  moderator = await signIn(app, 'moderator', 'Mona Moderatorin', fishbowl.slug);
  attendee = await signIn(app, 'attendee', 'Ada Audience', fishbowl.slug);
  removed = await signIn(app, 'attendee', 'Rolf Removed', fishbowl.slug);
  await db.query(`INSERT INTO livestream_ban (session_id, person_id, banned_by) VALUES ($1, $2, $3)`, [sessionId, removed.personId, moderator.personId]);
  for (const line of [
    { segmentId: 'l-1', text: 'Willkommen zur Aktuellen Stunde.', speaker: 'Mona Moderatorin', language: 'de' },
    { segmentId: 'l-2', text: 'Die erste Frage *bitte*.', language: 'de' },
  ]) {
    const res = await api(app.url, 'POST', `/api/sessions/${sessionId}/captions`, { token: moderator.token, body: line });
    expect(res.status).toBe(200);
  }
});

afterAll(async () => {
  await app?.stop();
});

it('the fishbowl record carries the transcript lines', async () => {
  const record = await api(app.url, 'GET', `/api/sessions/${sessionId}/fishbowl/record`, { token: moderator.token });
  expect(record.status).toBe(200);
  expect(record.body.transcript.map((l: { text: string; speaker: string | null }) => [l.speaker, l.text])).toEqual([
    ['Mona Moderatorin', 'Willkommen zur Aktuellen Stunde.'],
    [null, 'Die erste Frage *bitte*.'],
  ]);
});

it('the minutes end with the transcript, in German and in English', async () => {
  const de = await api(app.url, 'GET', `/api/sessions/${sessionId}/fishbowl/minutes.md`, { token: moderator.token });
  expect(de.status).toBe(200);
  expect(de.body).toMatch(/## Mitschrift \(Live-Untertitel\)\n\n- \d:\d\d:\d\d \*\*Mona Moderatorin:\*\* Willkommen zur Aktuellen Stunde\.\n- \d:\d\d:\d\d Die erste Frage \\\*bitte\\\*\.\n$/);
  const en = await api(app.url, 'GET', `/api/sessions/${sessionId}/fishbowl/minutes?format=md&lang=en`, { token: moderator.token });
  expect(en.body).toContain('## Transcript (live captions)');
});

it('the transcript route answers the audience and refuses someone removed from the session', async () => {
  expect((await api(app.url, 'GET', `/api/sessions/${sessionId}/transcript?format=txt`, { token: attendee.token })).status).toBe(200);
  const refused = await api(app.url, 'GET', `/api/sessions/${sessionId}/transcript?format=txt`, { token: removed.token });
  expect(refused.status).toBe(403);
  expect(refused.body.error.details.reason).toBe('removed');
});
