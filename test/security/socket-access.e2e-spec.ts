// Every socket event of every namespace x every persona, against the hand-written table in support/expected-access.ts.
import { io, type Socket } from 'socket.io-client';
import type { FishbowlClientToServerEvents, ForumClientToServerEvents } from '@podium/contracts';
import { FishbowlStore } from '../../apps/api/src/fishbowl/fishbowl-store';
import { ForumStore } from '../../apps/api/src/forum/forum-store';
import { connect, send, type Client } from '../fishbowl/support';
import { startTestApp, type TestApp } from '../support/app';
import { createCast, type Cast } from './support/cast';
import { FISHBOWL_EXPECTATIONS, FORUM_EXPECTATIONS, PERSONAS, PROGRAMME_EXPECTATIONS, type Persona, type SocketOutcome } from './support/expected-access';
import { listenedEvents, liveNamespaces } from './support/routes';
import { FORUM_SCENES, PERSONAL_FORUM_SCENES, PERSONAL_SCENES, SOCKET_SCENES, type ForumScene, type Scene } from './support/socket-calls';

type Ack = { ok?: true; version?: number; conferenceId?: string; view?: { sessionId: string }; error?: { code: string; message: string } };
const baseOf = (key: string) => key.split('#')[0];

describe('socket events x personas, expectations written by hand', () => {
  let app: TestApp;
  let cast: Cast;
  /** The handshake's answer per persona: a connected socket, or the refusal code. */
  const fishbowl = new Map<Persona, Client | string>();
  const programme = new Map<Persona, Socket>();
  const forum = new Map<Persona, Socket | string>();

  beforeAll(async () => {
    app = await startTestApp('sec-sockets', { livekit: false, env: { RATE_LIMIT_FACTOR: '0' } });
    cast = await createCast(app);
    for (const persona of PERSONAS) {
      const token = cast.tokens[persona] ?? '';
      fishbowl.set(persona, await connect(app.url, token, { reconnection: false }).catch((e: { data?: { code?: string } }) => e.data?.code ?? String(e)));
      const socket = io(`${app.url}/programme`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
      await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
      programme.set(persona, socket);
      const forumSocket = io(`${app.url}/forum`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
      forum.set(persona, await new Promise<Socket | string>((resolve) => forumSocket.once('connect', () => resolve(forumSocket)).once('connect_error', (e: { data?: { code?: string } }) => resolve(e.data?.code ?? String(e)))));
    }
  });
  afterAll(async () => {
    for (const s of [...fishbowl.values(), ...programme.values(), ...forum.values()]) if (typeof s !== 'string') s.disconnect();
    await app?.stop();
  });

  it('has a row for every event the live sockets listen to, and no row for an event that is gone', () => {
    const live = liveNamespaces(app);
    const fishbowlEvents = listenedEvents(live.get('/fishbowl')!);
    const programmeEvents = listenedEvents(live.get('/programme')!);
    // '/' is socket.io's default namespace; no gateway listens there.
    expect([...live.keys()].sort()).toEqual(['/', '/fishbowl', '/forum', '/programme']);
    const forumEvents = listenedEvents(live.get('/forum')!);
    expect(forumEvents.filter((e) => !Object.hasOwn(FORUM_EXPECTATIONS, e))).toEqual([]);
    expect(Object.keys(FORUM_EXPECTATIONS).filter((e) => !forumEvents.includes(e))).toEqual([]);
    expect(fishbowlEvents.length).toBeGreaterThan(10);
    expect(fishbowlEvents.filter((e) => !Object.hasOwn(FISHBOWL_EXPECTATIONS, e))).toEqual([]);
    expect(Object.keys(FISHBOWL_EXPECTATIONS).filter((e) => !fishbowlEvents.includes(e))).toEqual([]);
    const programmeRows = [...new Set(Object.keys(PROGRAMME_EXPECTATIONS).map(baseOf))];
    expect(programmeEvents.filter((e) => !programmeRows.includes(e))).toEqual([]);
    expect(programmeRows.filter((e) => !programmeEvents.includes(e))).toEqual([]);
  });

  it('answers every fishbowl event as the table says: allowed ones append their event, refused ones change nothing', async () => {
    const store = app.podium.app.get(FishbowlStore);
    const wrong: string[] = [];
    const refusalScenes = new Map<string, Scene>();
    let checked = 0;
    for (const [event, row] of Object.entries(FISHBOWL_EXPECTATIONS) as [keyof FishbowlClientToServerEvents, Record<Persona, SocketOutcome>][]) {
      for (const persona of PERSONAS) {
        const expected = row[persona];
        const socket = fishbowl.get(persona)!;
        checked++;
        if (typeof socket === 'string') {
          if (socket !== expected) wrong.push(`${persona} ${event}: expected ${expected}, the handshake answered ${socket}`);
          continue;
        }
        // Refusals change nothing: they share one scene per event unless the scene is the caller's own.
        let scene: Scene;
        if (expected !== 'ok' && !PERSONAL_SCENES.has(event)) {
          scene = refusalScenes.get(event) ?? (await SOCKET_SCENES[event](cast, persona));
          refusalScenes.set(event, scene);
        } else scene = await SOCKET_SCENES[event](cast, persona);
        const before = (await store.current(scene.sessionId)).version;
        const ack = await send<Ack>(socket, event, scene.payload);
        const log = await store.log(scene.sessionId);
        if (expected !== 'ok') {
          if (ack.error?.code !== expected) wrong.push(`${persona} ${event}: expected ${expected}, got ${JSON.stringify(ack)}`);
          if (log.length !== before) wrong.push(`${persona} ${event}: refused but the fishbowl changed`);
          continue;
        }
        if (!ack.ok) {
          wrong.push(`${persona} ${event}: expected ok, got ${JSON.stringify(ack)}`);
          continue;
        }
        if (event === 'fishbowl:join' && ack.view?.sessionId !== scene.sessionId) wrong.push(`${persona} join: no view of the fishbowl`);
        const effect = scene.effect;
        const added = log.slice(before);
        if (effect && !added.some((e) => e.type === effect.type && (effect.personId === undefined || (e as { personId?: string }).personId === effect.personId))) {
          wrong.push(`${persona} ${event}: ok but no ${effect.type} event (${added.map((e) => e.type).join(', ') || 'nothing'})`);
        }
        if (effect && added.some((e) => e.actor.personId !== cast.ids[persona])) wrong.push(`${persona} ${event}: the event names another actor`);
      }
    }
    expect(checked).toBe(Object.keys(FISHBOWL_EXPECTATIONS).length * PERSONAS.length);
    expect(wrong).toEqual([]);
  });

  it('answers every forum event as the table says: allowed ones append their event, refused ones change nothing', async () => {
    const store = app.podium.app.get(ForumStore);
    const wrong: string[] = [];
    const refusalScenes = new Map<string, ForumScene>();
    let checked = 0;
    for (const [event, row] of Object.entries(FORUM_EXPECTATIONS) as [keyof ForumClientToServerEvents, Record<Persona, string>][]) {
      for (const persona of PERSONAS) {
        const expected = row[persona];
        const socket = forum.get(persona)!;
        checked++;
        if (typeof socket === 'string') {
          if (socket !== expected) wrong.push(`${persona} ${event}: expected ${expected}, the handshake answered ${socket}`);
          continue;
        }
        let scene: ForumScene;
        if (expected !== 'ok' && !PERSONAL_FORUM_SCENES.has(event)) {
          scene = refusalScenes.get(event) ?? (await FORUM_SCENES[event](cast, persona));
          refusalScenes.set(event, scene);
        } else scene = await FORUM_SCENES[event](cast, persona);
        const before = (await store.current(scene.sessionId)).version;
        const ack = await send<Ack>(socket, event, scene.payload);
        const log = await store.log(scene.sessionId);
        if (expected !== 'ok') {
          if (ack.error?.code !== expected) wrong.push(`${persona} ${event}: expected ${expected}, got ${JSON.stringify(ack)}`);
          if (log.length !== before) wrong.push(`${persona} ${event}: refused but the forum changed`);
          continue;
        }
        if (!ack.ok) {
          wrong.push(`${persona} ${event}: expected ok, got ${JSON.stringify(ack)}`);
          continue;
        }
        if (event === 'forum:join' && ack.view?.sessionId !== scene.sessionId) wrong.push(`${persona} join: no view of the forum`);
        const effect = scene.effect;
        const added = log.slice(before);
        if (effect && !added.some((e) => e.type === effect.type && (effect.personId === undefined || (e as { personId?: string }).personId === effect.personId))) {
          wrong.push(`${persona} ${event}: ok but no ${effect.type} event (${added.map((e) => e.type).join(', ') || 'nothing'})`);
        }
        if (effect && added.some((e) => e.actor.personId !== cast.ids[persona])) wrong.push(`${persona} ${event}: the event names another actor`);
      }
    }
    expect(checked).toBe(Object.keys(FORUM_EXPECTATIONS).length * PERSONAS.length);
    expect(wrong).toEqual([]);
  });

  it('answers every programme event as the table says', async () => {
    const wrong: string[] = [];
    const conferenceIds: Record<string, string> = {};
    for (const [key, row] of Object.entries(PROGRAMME_EXPECTATIONS)) {
      const [event, variant] = key.split('#');
      const slug = variant === 'unpublished' ? cast.hiddenSlug : cast.slug;
      for (const persona of PERSONAS) {
        const payload = event === 'programme:unsubscribe' ? { conferenceId: cast.conferenceId } : { slug };
        const ack = await send<Ack>(programme.get(persona)!, event, payload);
        const expected = row[persona];
        if (expected === 'ok') {
          if (!ack.ok) wrong.push(`${persona} ${key}: expected ok, got ${JSON.stringify(ack)}`);
          else if (event === 'programme:subscribe') conferenceIds[`${persona}${slug}`] = ack.conferenceId!;
        } else if (ack.error?.code !== expected) wrong.push(`${persona} ${key}: expected ${expected}, got ${JSON.stringify(ack)}`);
      }
    }
    // The subscription is to A itself.
    expect(conferenceIds[`anonymous${cast.slug}`]).toBe(cast.conferenceId);
    expect(wrong).toEqual([]);
  });
});
