// Every socket event of every namespace x every persona, against the hand-written table in support/expected-access.ts.
import { io, type Socket } from 'socket.io-client';
import type { BoothLivePlace, FishbowlClientToServerEvents, ForumClientToServerEvents, PollsClientToServerEvents, ReactionsClientToServerEvents } from '@podium/contracts';
import { FishbowlStore } from '../../apps/api/src/fishbowl/fishbowl-store';
import { ForumStore } from '../../apps/api/src/forum/forum-store';
import { connect, send, type Client } from '../fishbowl/support';
import { startTestApp, type TestApp } from '../support/app';
import { createCast, type Cast } from './support/cast';
import { CHAT_EXPECTATIONS, FISHBOWL_EXPECTATIONS, FORUM_EXPECTATIONS, MARKET_EXPECTATIONS, PERSONAS, POLLS_EXPECTATIONS, PROGRAMME_EXPECTATIONS, QUESTIONS_EXPECTATIONS, REACTIONS_EXPECTATIONS, type Persona, type SocketOutcome } from './support/expected-access';
import { listenedEvents, liveNamespaces } from './support/routes';
import { CHAT_SCENES, FORUM_SCENES, MARKET_SCENES, PERSONAL_FORUM_SCENES, PERSONAL_QUESTION_SCENES, PERSONAL_SCENES, POLL_SCENES, QUESTION_SCENES, SOCKET_SCENES, type ForumScene, type QuestionScene, type Scene } from './support/socket-calls';
import { QuestionsStore } from '../../apps/api/src/questions/questions-store';
import { PollsStore } from '../../apps/api/src/polls/polls-store';
import { connectQuestions } from '../questions/support';
import { connectChat } from '../chat/support';

type Ack = { ok?: true; version?: number; conferenceId?: string; view?: { sessionId: string }; error?: { code: string; message: string } };
const baseOf = (key: string) => key.split('#')[0];

describe('socket events x personas, expectations written by hand', () => {
  let app: TestApp;
  let cast: Cast;
  /** The handshake's answer per persona: a connected socket, or the refusal code. */
  const fishbowl = new Map<Persona, Client | string>();
  const programme = new Map<Persona, Socket>();
  const questions = new Map<Persona, Socket | string>();
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
      questions.set(persona, await connectQuestions(app.url, token, { reconnection: false }).catch((e: { data?: { code?: string } }) => e.data?.code ?? String(e)));
      const forumSocket = io(`${app.url}/forum`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
      forum.set(persona, await new Promise<Socket | string>((resolve) => forumSocket.once('connect', () => resolve(forumSocket)).once('connect_error', (e: { data?: { code?: string } }) => resolve(e.data?.code ?? String(e)))));
    }
  });
  afterAll(async () => {
    for (const s of [...fishbowl.values(), ...programme.values(), ...questions.values(), ...forum.values()]) if (typeof s !== 'string') s.disconnect();
    await app?.stop();
  });

  it('has a row for every event the live sockets listen to, and no row for an event that is gone', async () => {
    const chatSocket = await connectChat(app.url, cast.tokens.attendee!);
    const live = liveNamespaces(app);
    const fishbowlEvents = listenedEvents(live.get('/fishbowl')!);
    const programmeEvents = listenedEvents(live.get('/programme')!);
    // '/' is socket.io's default namespace; no gateway listens there.
    expect([...live.keys()].sort()).toEqual(['/', '/chat', '/fishbowl', '/forum', '/market', '/polls', '/programme', '/questions', '/reactions']);
    const forumEvents = listenedEvents(live.get('/forum')!);
    expect(forumEvents.filter((e) => !Object.hasOwn(FORUM_EXPECTATIONS, e))).toEqual([]);
    expect(Object.keys(FORUM_EXPECTATIONS).filter((e) => !forumEvents.includes(e))).toEqual([]);
    const questionEvents = listenedEvents(live.get('/questions')!);
    expect(questionEvents.filter((e) => !Object.hasOwn(QUESTIONS_EXPECTATIONS, e))).toEqual([]);
    expect(Object.keys(QUESTIONS_EXPECTATIONS).filter((e) => !questionEvents.includes(e))).toEqual([]);
    for (const [ns, table] of [['/polls', POLLS_EXPECTATIONS], ['/reactions', REACTIONS_EXPECTATIONS], ['/market', MARKET_EXPECTATIONS]] as const) {
      // The handlers are read from a connected socket.
      const socket = (await connectAs(ns, 'attendee')) as Socket;
      const events = listenedEvents(live.get(ns)!);
      socket.disconnect();
      expect(events.filter((e) => !Object.hasOwn(table, e))).toEqual([]);
      expect(Object.keys(table).filter((e) => !events.includes(e))).toEqual([]);
    }
    expect(fishbowlEvents.length).toBeGreaterThan(10);
    expect(fishbowlEvents.filter((e) => !Object.hasOwn(FISHBOWL_EXPECTATIONS, e))).toEqual([]);
    expect(Object.keys(FISHBOWL_EXPECTATIONS).filter((e) => !fishbowlEvents.includes(e))).toEqual([]);
    const programmeRows = [...new Set(Object.keys(PROGRAMME_EXPECTATIONS).map(baseOf))];
    expect(programmeEvents.filter((e) => !programmeRows.includes(e))).toEqual([]);
    expect(programmeRows.filter((e) => !programmeEvents.includes(e))).toEqual([]);
    const chatEvents = listenedEvents(live.get('/chat')!);
    expect(chatEvents.filter((e) => !Object.hasOwn(CHAT_EXPECTATIONS, e))).toEqual([]);
    expect(Object.keys(CHAT_EXPECTATIONS).filter((e) => !chatEvents.includes(e))).toEqual([]);
    chatSocket.disconnect();
  });

  it('answers every chat event as the table says: allowed ones leave their row, refused ones change nothing', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const persona of PERSONAS) {
      const socket = await connectChat(app.url, cast.tokens[persona] ?? '').catch((e: { data?: { code?: string } }) => e.data?.code ?? String(e));
      for (const [event, row] of Object.entries(CHAT_EXPECTATIONS) as [keyof typeof CHAT_EXPECTATIONS, Record<Persona, SocketOutcome>][]) {
        const expected = row[persona];
        checked++;
        if (typeof socket === 'string') {
          if (socket !== expected) wrong.push(`${persona} ${event}: expected ${expected}, the handshake answered ${socket}`);
          continue;
        }
        const scene = await CHAT_SCENES[event](cast, persona);
        const version = async () => ((await cast.db.query('SELECT version FROM chat_room WHERE room_id = $1', [scene.roomId])) as { version: number }[])[0]?.version ?? 0;
        const before = await version();
        const ack = await send<Ack>(socket, event, scene.payload);
        if (expected !== 'ok') {
          if (ack.error?.code !== expected) wrong.push(`${persona} ${event}: expected ${expected}, got ${JSON.stringify(ack)}`);
          if ((await version()) !== before) wrong.push(`${persona} ${event}: refused but the room changed`);
        } else if (!ack.ok) wrong.push(`${persona} ${event}: expected ok, got ${JSON.stringify(ack)}`);
        else if (scene.effect && ((await cast.db.query(scene.effect.sql, scene.effect.params)) as unknown[]).length !== 1) wrong.push(`${persona} ${event}: ok but no row by this person`);
      }
      if (typeof socket !== 'string') socket.disconnect();
    }
    expect(checked).toBe(Object.keys(CHAT_EXPECTATIONS).length * PERSONAS.length);
    expect(wrong).toEqual([]);
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

  it('answers every questions event as the table says: allowed ones append their event by the caller, refused ones change nothing', async () => {
    const store = app.podium.app.get(QuestionsStore);
    const wrong: string[] = [];
    const refusalScenes = new Map<string, QuestionScene>();
    for (const [event, row] of Object.entries(QUESTIONS_EXPECTATIONS) as [keyof typeof QUESTIONS_EXPECTATIONS, Record<Persona, SocketOutcome>][]) {
      for (const persona of PERSONAS) {
        const expected = row[persona];
        const socket = questions.get(persona)!;
        if (typeof socket === 'string') {
          if (socket !== expected) wrong.push(`${persona} ${event}: expected ${expected}, the handshake answered ${socket}`);
          continue;
        }
        let scene: QuestionScene;
        if (expected !== 'ok' && !PERSONAL_QUESTION_SCENES.has(event)) {
          scene = refusalScenes.get(event) ?? (await QUESTION_SCENES[event](cast, persona));
          refusalScenes.set(event, scene);
        } else scene = await QUESTION_SCENES[event](cast, persona);
        const before = (await store.current(scene.sessionId)).version;
        const ack = await send<Ack>(socket as Client, event, scene.payload);
        const added = (await store.log(scene.sessionId)).slice(before);
        if (expected !== 'ok') {
          if (ack.error?.code !== expected) wrong.push(`${persona} ${event}: expected ${expected}, got ${JSON.stringify(ack)}`);
          if (added.length) wrong.push(`${persona} ${event}: refused but the questions changed`);
          continue;
        }
        if (!ack.ok) {
          wrong.push(`${persona} ${event}: expected ok, got ${JSON.stringify(ack)}`);
          continue;
        }
        const effect = scene.effect;
        if (effect && !added.some((e) => e.type === effect.type)) wrong.push(`${persona} ${event}: ok but no ${effect.type} event (${added.map((e) => e.type).join(', ') || 'nothing'})`);
        if (effect && added.some((e) => e.by !== cast.ids[persona])) wrong.push(`${persona} ${event}: the event names another person`);
      }
    }
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

  /** A socket per persona on another namespace: connected, or the handshake's refusal code. */
  const connectAs = async (namespace: string, persona: Persona): Promise<Socket | string> => {
    const token = cast.tokens[persona] ?? '';
    const socket = io(`${app.url}${namespace}`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
    return new Promise((resolve) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (e: Error & { data?: { code?: string } }) => resolve(e.data?.code ?? String(e)));
    });
  };

  it('answers every /market event as the table says: a follow answers the caller’s own place in the queue', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const persona of PERSONAS) {
      const socket = await connectAs('/market', persona);
      for (const [event, row] of Object.entries(MARKET_EXPECTATIONS) as [keyof typeof MARKET_EXPECTATIONS, Record<Persona, SocketOutcome>][]) {
        checked++;
        const expected = row[persona];
        if (typeof socket === 'string') {
          if (socket !== expected) wrong.push(`${persona} ${event}: expected ${expected}, the handshake answered ${socket}`);
          continue;
        }
        const scene = await MARKET_SCENES[event](cast, persona);
        const ack = await send<Ack & { place?: BoothLivePlace }>(socket as Client, event, scene.payload);
        if (expected !== 'ok') {
          if (ack.error?.code !== expected) wrong.push(`${persona} ${event}: expected ${expected}, got ${JSON.stringify(ack)}`);
        } else if (!ack.ok) wrong.push(`${persona} ${event}: expected ok, got ${JSON.stringify(ack)}`);
        else {
          const problem = scene.verify?.(ack);
          if (problem) wrong.push(`${persona} ${event}: ${problem}`);
        }
      }
      if (typeof socket !== 'string') socket.disconnect();
    }
    expect(checked).toBe(Object.keys(MARKET_EXPECTATIONS).length * PERSONAS.length);
    expect(wrong).toEqual([]);
  });

  it('answers every /polls event as the table says: allowed ones append their event, refused ones change nothing', async () => {
    const store = app.podium.app.get(PollsStore);
    const wrong: string[] = [];
    let checked = 0;
    for (const persona of PERSONAS) {
      const socket = await connectAs('/polls', persona);
      for (const [event, row] of Object.entries(POLLS_EXPECTATIONS) as [keyof PollsClientToServerEvents, Record<Persona, SocketOutcome>][]) {
        checked++;
        const expected = row[persona];
        if (typeof socket === 'string') {
          if (socket !== expected) wrong.push(`${persona} ${event}: expected ${expected}, the handshake answered ${socket}`);
          continue;
        }
        const scene = await POLL_SCENES[event](cast, persona);
        const before = (await store.current(cast.sessionId)).version;
        const ack = await send<Ack>(socket as Client, event, scene.payload);
        const added = (await store.log(cast.sessionId)).slice(before);
        if (expected !== 'ok') {
          if (ack.error?.code !== expected) wrong.push(`${persona} ${event}: expected ${expected}, got ${JSON.stringify(ack)}`);
          if (added.length) wrong.push(`${persona} ${event}: refused but the polls changed`);
        } else if (!ack.ok) wrong.push(`${persona} ${event}: expected ok, got ${JSON.stringify(ack)}`);
        else if (scene.effect && !added.some((e) => e.type === scene.effect!.type && e.actor.personId === cast.ids[persona] && (scene.effect!.by === undefined || e.by === scene.effect!.by))) {
          wrong.push(`${persona} ${event}: ok but no ${scene.effect.type} by them (${added.map((e) => e.type).join(', ') || 'nothing'})`);
        }
      }
      if (typeof socket !== 'string') socket.disconnect();
    }
    expect(checked).toBe(Object.keys(POLLS_EXPECTATIONS).length * PERSONAS.length);
    expect(wrong).toEqual([]);
  });

  it('answers every /reactions event as the table says (a send counts only after a join the persona may make)', async () => {
    const wrong: string[] = [];
    for (const persona of PERSONAS) {
      const socket = await connectAs('/reactions', persona);
      for (const [event, row] of Object.entries(REACTIONS_EXPECTATIONS) as [keyof ReactionsClientToServerEvents, Record<Persona, SocketOutcome>][]) {
        const expected = row[persona];
        if (typeof socket === 'string') {
          if (socket !== expected) wrong.push(`${persona} ${event}: expected ${expected}, the handshake answered ${socket}`);
          continue;
        }
        // A send is tried after the persona's own join attempt (refused for those who may not join).
        if (event === 'reactions:send') await send<Ack>(socket as Client, 'reactions:join', { sessionId: cast.sessionId });
        const payload = event === 'reactions:send' ? { sessionId: cast.sessionId, kind: 'applause' } : { sessionId: cast.sessionId };
        const ack = await send<Ack>(socket as Client, event, payload);
        if (expected === 'ok' ? !ack.ok : ack.error?.code !== expected) wrong.push(`${persona} ${event}: expected ${expected}, got ${JSON.stringify(ack)}`);
      }
      if (typeof socket !== 'string') socket.disconnect();
    }
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

});
