// Live captions end to end on a real LiveKit: the captioner's grant, caption streams as LiveKit
// transcriptions (a human's console and an agent alike), who receives them, and the stored transcript.
import { dispose, type Room } from '@livekit/rtc-node';
import { AccessToken, type RoomServiceClient } from 'livekit-server-sdk';
import { captionAttributes } from '@podium/contracts';
import { roomNameFor } from '@podium/livestream';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { testLiveKit, testRoomService } from '../support/services';
import { claimsOf, createSession, sessionPerson } from '../livestream/fixtures';
import { connect, disconnectAll, eventually, micOptions, sineMicrophone, withTimeout } from '../livestream/rtc';
import { collectCaptions, sees } from './caption-rtc';

jest.setTimeout(90000);

let app: TestApp;
let rooms: RoomServiceClient;
let session: string;
let stageRoom: string;
let captioner: { token: string; personId: string };
let attendee: { token: string; personId: string };
let speaker: { token: string; personId: string };
const mics: { stop(): void }[] = [];

async function grant(token: string, room: 'stage' | 'backstage' = 'stage'): Promise<{ url: string; token: string; role: string }> {
  const res = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token, body: { room } });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  app = await startTestApp('captions');
  rooms = testRoomService();
  session = await createSession(app, { startsInMinutes: -5 });
  stageRoom = roomNameFor(session, 'stage');
  captioner = await sessionPerson(app, session, 'captioner', 'Clara Caption');
  speaker = await sessionPerson(app, session, 'speaker', 'Sina Sprecherin');
  attendee = await signIn(app, 'attendee', 'Ada Audience', 'buko-2020');
});

afterAll(async () => {
  for (const m of mics) m.stop();
  await disconnectAll();
  await app?.stop();
  await dispose();
});

let captionerRoom: Room;
let attendeeRoom: Room;

describe('the captioner role', () => {
  it('gets a token that may publish data but no media', async () => {
    const g = await grant(captioner.token);
    expect(g.role).toBe('captioner');
    expect(claimsOf(g.token).video).toMatchObject({ canPublish: false, canPublishData: true, canSubscribe: true, canPublishSources: [] });
    captionerRoom = await connect(g.url, g.token);
    expect((await rooms.getParticipant(stageRoom, captioner.personId)).permission).toMatchObject({ canPublish: false, canPublishData: true, canPublishSources: [] });
  });

  it('is refused when it tries to publish a microphone', async () => {
    const mic = sineMicrophone();
    mics.push(mic);
    await expect(withTimeout(captionerRoom.localParticipant!.publishTrack(mic.track, micOptions()), 20000, 'refused publish')).rejects.toThrow(/timed out|not allowed|permission/i);
    expect((await rooms.getParticipant(stageRoom, captioner.personId)).tracks).toHaveLength(0);
  });

  it('an attendee may not post caption lines (403), a captioner may', async () => {
    const line = { segmentId: 'x-1', text: 'Hallo', language: 'de' };
    expect((await api(app.url, 'POST', `/api/sessions/${session}/captions`, { token: attendee.token, body: line })).status).toBe(403);
    expect((await api(app.url, 'POST', `/api/sessions/${session}/captions`, { token: speaker.token, body: line })).status).toBe(403);
    expect((await api(app.url, 'POST', `/api/sessions/${session}/captions`, { token: captioner.token, body: line })).status).toBe(200);
    await app.podium.dataSource.query(`DELETE FROM caption_line WHERE session_id = $1`, [session]);
  });
});

describe('captions reach the viewers in the room as LiveKit transcriptions', () => {
  it('interim text, the final line and a correction arrive with segment id, final flag, speaker and language', async () => {
    const g = await grant(attendee.token);
    attendeeRoom = await connect(g.url, g.token);
    const received = collectCaptions(attendeeRoom);
    await withTimeout(sees(captionerRoom, attendee.personId), 15000, 'captioner sees the attendee');
    const send = (text: string, final: boolean) =>
      captionerRoom.localParticipant!.sendText(text, { topic: 'lk.transcription', attributes: captionAttributes({ segmentId: 'cap-1', final, speaker: 'Sina Sprecherin', language: 'de' }) });
    await send('Herzlich', false);
    await send('Herzlich willkommen', true);
    await send('Herzlich willkommen!', true);
    await eventually(async () => received.length >= 3, 15000, 'three caption streams');
    expect(received).toEqual([
      { from: captioner.personId, text: 'Herzlich', attributes: { 'lk.segment_id': 'cap-1', 'lk.transcription_final': 'false', 'podium.speaker': 'Sina Sprecherin', 'podium.language': 'de' } },
      { from: captioner.personId, text: 'Herzlich willkommen', attributes: { 'lk.segment_id': 'cap-1', 'lk.transcription_final': 'true', 'podium.speaker': 'Sina Sprecherin', 'podium.language': 'de' } },
      { from: captioner.personId, text: 'Herzlich willkommen!', attributes: { 'lk.segment_id': 'cap-1', 'lk.transcription_final': 'true', 'podium.speaker': 'Sina Sprecherin', 'podium.language': 'de' } },
    ]);
  });

  it('someone in the backstage room (not the stage room) receives nothing', async () => {
    const b = await grant(speaker.token, 'backstage');
    const backstage = await connect(b.url, b.token);
    const elsewhere = collectCaptions(backstage);
    const seen: string[] = [];
    attendeeRoom.unregisterTextStreamHandler('lk.transcription');
    attendeeRoom.registerTextStreamHandler('lk.transcription', (reader) => void reader.readAll().then((t) => seen.push(t)));
    await captionerRoom.localParticipant!.sendText('Nur im Saal', { topic: 'lk.transcription', attributes: captionAttributes({ segmentId: 'cap-2', final: true, speaker: null, language: 'de' }) });
    await eventually(async () => seen.includes('Nur im Saal'), 15000, 'the stage viewer receives the line');
    // The stage viewer got it, so the server has delivered it; the backstage room is another LiveKit room.
    await new Promise((r) => setTimeout(r, 1000));
    expect(elsewhere).toEqual([]);
  });

  it('a speech-to-text agent plugs into the same channel: streamed chunks with the agent attributes', async () => {
    // Agents join with a token from whoever dispatches them (here minted like LiveKit's agent worker does), not from Podium.
    const lk = testLiveKit();
    const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity: 'agent-stt', name: 'Spracherkennung' });
    at.addGrant({ room: stageRoom, roomJoin: true, canPublish: false, canPublishData: true, canSubscribe: true, agent: true });
    const agent = await connect(lk.url, await at.toJwt());
    await withTimeout(sees(agent, attendee.personId), 15000, 'agent sees the attendee');
    const seen: { text: string; attributes: Record<string, string>; from: string }[] = [];
    attendeeRoom.unregisterTextStreamHandler('lk.transcription');
    attendeeRoom.registerTextStreamHandler('lk.transcription', (reader, who) => void reader.readAll().then((text) => seen.push({ text, attributes: { ...(reader.info.attributes ?? {}) }, from: who.identity })));
    const writer = await agent.localParticipant!.streamText({
      topic: 'lk.transcription',
      attributes: { 'lk.segment_id': 'SG_agent_1', 'lk.transcription_final': 'true', 'lk.transcribed_track_id': 'TR_floor' },
    });
    for (const chunk of ['Die ', 'Sitzung ', 'ist ', 'eröffnet.']) await writer.write(chunk);
    await writer.close();
    await eventually(async () => seen.length >= 1, 15000, 'the agent segment');
    expect(seen).toEqual([{ from: 'agent-stt', text: 'Die Sitzung ist eröffnet.', attributes: { 'lk.segment_id': 'SG_agent_1', 'lk.transcription_final': 'true', 'lk.transcribed_track_id': 'TR_floor' } }]);
  });
});

describe('the transcript', () => {
  const post = (body: unknown, token = captioner.token) => api(app.url, 'POST', `/api/sessions/${session}/captions`, { token, body });

  it('stores a final line relative to the session start and counts corrections, keeping the times', async () => {
    const [{ start }] = await app.podium.dataSource.query(`SELECT extract(epoch FROM starts_at) * 1000 AS start FROM session WHERE id = $1`, [session]);
    const before = Date.now() - Number(start);
    const first = await post({ segmentId: 'cap-10', text: 'Erste Fassung', speaker: 'Sina Sprecherin', language: 'de', startedAt: new Date(Date.now() - 2000).toISOString() });
    const after = Date.now() - Number(start);
    expect(first.status).toBe(200);
    expect(first.body.revision).toBe(1);
    expect(first.body.endMs).toBeGreaterThanOrEqual(before);
    expect(first.body.endMs).toBeLessThanOrEqual(after);
    expect(first.body.endMs - first.body.startMs).toBeGreaterThanOrEqual(1900);
    const fixed = await post({ segmentId: 'cap-10', text: 'Korrigierte Fassung', speaker: 'Sina Sprecherin', language: 'de' });
    expect(fixed.body).toEqual({ ...first.body, revision: 2 });
    const stored = await app.podium.dataSource.query(`SELECT text, author_id FROM caption_line WHERE session_id = $1`, [session]);
    expect(stored).toEqual([{ text: 'Korrigierte Fassung', author_id: captioner.personId }]);
  });

  it.each([
    [{ segmentId: 'cap-11', text: '', language: 'de' }, 'text'],
    [{ segmentId: 'cap 11', text: 'x', language: 'de' }, 'segmentId'],
    [{ segmentId: 'cap-11', text: 'x', language: 'deutsch' }, 'language'],
    [[1, 2], 'body'],
  ])('refuses %j with 400 naming %s, writing nothing', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect(await app.podium.dataSource.query(`SELECT segment_id FROM caption_line WHERE session_id = $1`, [session])).toEqual([{ segment_id: 'cap-10' }]);
  });

  it('exports WebVTT, SRT and text with times relative to the session start (expected files written by hand)', async () => {
    const other = await createSession(app, { startsInMinutes: -30 });
    await app.podium.dataSource.query(
      `INSERT INTO caption_line (session_id, segment_id, text, speaker, language, started_at, ended_at)
       SELECT id, 'a', 'Guten Morgen & willkommen', 'Moderation', 'de', starts_at + interval '2.5 seconds', starts_at + interval '5 seconds' FROM session WHERE id = $1
       UNION ALL
       SELECT id, 'b', 'Danke <sehr>', NULL, 'de', starts_at + interval '1 hour 1 minute 1.001 seconds', starts_at + interval '1 hour 1 minute 3 seconds' FROM session WHERE id = $1`,
      [other],
    );
    const get = (format: string) => api(app.url, 'GET', `/api/sessions/${other}/transcript?format=${format}`, { token: attendee.token });
    const vtt = await get('vtt');
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(vtt.body).toBe('WEBVTT\n\n1\n00:00:02.500 --> 00:00:05.000\n<v Moderation>Guten Morgen &amp; willkommen\n\n2\n01:01:01.001 --> 01:01:03.000\nDanke &lt;sehr&gt;\n');
    const srt = await get('srt');
    expect(srt.headers.get('content-type')).toBe('application/x-subrip; charset=utf-8');
    expect(srt.body).toBe('1\n00:00:02,500 --> 00:00:05,000\nModeration: Guten Morgen & willkommen\n\n2\n01:01:01,001 --> 01:01:03,000\nDanke <sehr>\n');
    expect((await get('txt')).body).toBe('[00:00:02] Moderation: Guten Morgen & willkommen\n[01:01:01] Danke <sehr>\n');
    const json = await get('json');
    expect(json.body.lines.map((l: { segmentId: string; startMs: number; endMs: number }) => [l.segmentId, l.startMs, l.endMs])).toEqual([['a', 2500, 5000], ['b', 3661001, 3663000]]);
    const bad = await get('docx');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/json/);
  });

  it('the transcript is for people of the conference: another conference’s organiser is refused', async () => {
    const outsider = await signIn(app, 'organiser', 'Otto Other', 'buko-2019-ulm');
    expect((await api(app.url, 'GET', `/api/sessions/${session}/transcript?format=txt`, { token: outsider.token })).status).toBe(403);
  });
});
