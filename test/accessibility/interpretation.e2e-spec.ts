// Interpretation channels on a real LiveKit: the interpreter's pair and grant, a tone on the English
// channel that reaches the listener who chose English and not the one who chose German, and a handover.
import { dispose, Room, type RemoteTrack } from '@livekit/rtc-node';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { claimsOf, createSession, sessionPerson } from '../livestream/fixtures';
import { connect, disconnectAll, eventually, firstAudibleFrame, micOptions, rooms, withTimeout } from '../livestream/rtc';
import { followChoice, subscribedLog, tone } from './channel-rtc';

jest.setTimeout(120000);

let app: TestApp;
let session: string;
let organiser: { token: string; personId: string };
let ina: { token: string; personId: string };
let ivo: { token: string; personId: string };
let speaker: { token: string; personId: string };
const tones: { stop(): void }[] = [];

async function grant(token: string): Promise<{ url: string; token: string; role: string; identity: string }> {
  const res = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token, body: { room: 'stage' } });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const setPair = (token: string, personId: string, body: unknown) => api(app.url, 'PUT', `/api/sessions/${session}/interpreters/${personId}/languages`, { token, body });

/** A listener: autoSubscribe off, so only what the choice asks for is subscribed. */
async function listener(name: string): Promise<Room> {
  const person = await signIn(app, 'attendee', name, 'buko-2020');
  const g = await grant(person.token);
  const room = new Room();
  rooms.push(room);
  await room.connect(g.url, g.token, { autoSubscribe: false, dynacast: false });
  return room;
}

beforeAll(async () => {
  app = await startTestApp('interpretation');
  session = await createSession(app, { startsInMinutes: -5 });
  organiser = await signIn(app, 'organiser', 'Olga Organiser', 'buko-2020');
  ina = await sessionPerson(app, session, 'interpreter', 'Ina Dolmetscherin');
  ivo = await sessionPerson(app, session, 'interpreter', 'Ivo Dolmetscher');
  speaker = await sessionPerson(app, session, 'speaker', 'Sina Sprecherin');
});

afterAll(async () => {
  for (const t of tones) t.stop();
  await disconnectAll();
  await app?.stop();
  await dispose();
});

describe('language pairs', () => {
  it('organisers set them; others are refused; only interpreters of the session have one; bad tags are named', async () => {
    expect((await setPair(speaker.token, ina.personId, { from: 'de', to: 'en' })).status).toBe(403);
    expect((await setPair(organiser.token, speaker.personId, { from: 'de', to: 'en' })).status).toBe(404);
    const bad = await setPair(organiser.token, ina.personId, { from: 'de', to: 'English' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['to']);
    const same = await setPair(organiser.token, ina.personId, { from: 'de', to: 'de' });
    expect([same.status, same.body.error.details.field]).toEqual([400, 'to']);
    const ok = await setPair(organiser.token, ina.personId, { from: 'de', to: 'en' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ personId: ina.personId, from: 'de', to: 'en' });
    expect((await setPair(organiser.token, ivo.personId, { from: 'de', to: 'en' })).status).toBe(200);
  });

  it("the interpreter's token carries the pair and the channel, and may publish a microphone", async () => {
    const g = await grant(ina.token);
    expect(g.role).toBe('interpreter');
    const claims = claimsOf(g.token);
    expect(claims.attributes).toMatchObject({ 'podium.languages': 'de>en', 'podium.interpretation': 'en' });
    expect(claims.video.canPublishSources).toEqual(['camera', 'microphone']);
  });
});

describe('listeners choose a channel', () => {
  let english: Room;
  let german: Room;
  let englishLog: string[];
  let germanLog: string[];
  let inaIdentity: string;
  let englishChoice: ReturnType<typeof followChoice>;

  it('the listener who chose English receives the English tone; the one who chose German gets the floor only', async () => {
    english = await listener('Emma English');
    german = await listener('Gerd Deutsch');
    englishLog = subscribedLog(english);
    germanLog = subscribedLog(german);
    englishChoice = followChoice(english, 'en');
    followChoice(german, 'de');

    const floor = tone('microphone', 220);
    tones.push(floor);
    const speakerGrant = await grant(speaker.token);
    const speakerRoom = await connect(speakerGrant.url, speakerGrant.token);
    await speakerRoom.localParticipant!.publishTrack(floor.track, micOptions());

    const g = await grant(ina.token);
    inaIdentity = g.identity;
    const inaRoom = await connect(g.url, g.token);
    const channel = tone('interpretation:en', 440);
    tones.push(channel);
    await inaRoom.localParticipant!.publishTrack(channel.track, micOptions());

    const heard = await withTimeout(trackNamed(english, inaIdentity, 'interpretation:en'), 30000, 'English listener subscribes to the channel');
    await withTimeout(firstAudibleFrame(heard), 30000, 'English tone audible');
    expect(englishChoice.plan().floorVolume).toBe(0.2);
    // The German listener has received the floor (so the room reached it), and never the English channel.
    await eventually(async () => germanLog.some((n) => n.endsWith('/microphone')), 30000, 'German listener hears the floor');
    await eventually(async () => englishLog.some((n) => n.endsWith('/microphone')), 30000, 'English listener hears the floor too');
    expect(germanLog).not.toContain(`${inaIdentity}/interpretation:en`);
    const germanView = [...german.remoteParticipants.get(inaIdentity)!.trackPublications.values()];
    expect(germanView.map((p) => [p.name, p.subscribed])).toEqual([['interpretation:en', false]]);
  });

  it('two interpreters of one language hand over: both subscribed all along, the live flag moves', async () => {
    const g = await grant(ivo.token);
    const ivoRoom = await connect(g.url, g.token);
    const second = tone('interpretation:en', 660);
    tones.push(second);
    await ivoRoom.localParticipant!.publishTrack(second.track, micOptions());
    await withTimeout(trackNamed(english, g.identity, 'interpretation:en'), 30000, 'English listener subscribes to the partner too');

    const attendee = await signIn(app, 'attendee', 'Anna Andere', 'buko-2020');
    expect((await api(app.url, 'POST', `/api/sessions/${session}/interpretation/live`, { token: attendee.token })).status).toBe(403);
    const first = await api(app.url, 'POST', `/api/sessions/${session}/interpretation/live`, { token: ina.token });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ live: inaIdentity, quiet: [g.identity] });
    const swap = await api(app.url, 'POST', `/api/sessions/${session}/interpretation/live`, { token: ivo.token });
    expect(swap.status).toBe(200);
    expect(swap.body).toEqual({ live: g.identity, quiet: [inaIdentity] });

    await eventually(async () => english.remoteParticipants.get(g.identity)?.attributes['podium.live'] === 'true' && english.remoteParticipants.get(inaIdentity)?.attributes['podium.live'] === 'false', 30000, 'flags seen');
    const ivoSid = [...english.remoteParticipants.get(g.identity)!.trackPublications.values()][0].sid;
    const inaSid = [...english.remoteParticipants.get(inaIdentity)!.trackPublications.values()][0].sid;
    await eventually(async () => englishChoice.plan().play === ivoSid, 10000, 'plan follows the flag');
    expect(englishChoice.plan().subscribe.sort()).toEqual([inaSid, ivoSid].sort());
    // Never unsubscribed in between: one subscription each, no second one after the switch.
    expect(englishLog.filter((n) => n.endsWith('/interpretation:en')).sort()).toEqual([`${g.identity}/interpretation:en`, `${inaIdentity}/interpretation:en`].sort());
  });
});

/** The track `name` of `identity` once `room` has subscribed to it. */
async function trackNamed(room: Room, identity: string, name: string): Promise<RemoteTrack> {
  return eventually(async () => {
    const pub = [...(room.remoteParticipants.get(identity)?.trackPublications.values() ?? [])].find((p) => p.name === name && p.subscribed && p.track);
    return pub?.track as RemoteTrack | undefined;
  }, 30000, `${identity}/${name}`);
}
