// For each fishbowl event: bring a fresh fishbowl to the state the event needs, the payload, and the event it must cause.
import { randomUUID } from 'node:crypto';
import type { BoothCommand } from '@podium/market';
import type { BoothLivePlace, MarketClientToServerEvents } from '@podium/contracts';
import { BoothStore } from '../../../apps/api/src/market/booth-store';
import type { ChatClientToServerEvents, FishbowlActor, FishbowlClientToServerEvents, FishbowlEvent, ForumActor, ForumClientToServerEvents, ForumEvent, PollsClientToServerEvents, QuestionsClientToServerEvents } from '@podium/contracts';
import type { ForumCommand } from '@podium/forum';
import { ForumStore } from '../../../apps/api/src/forum/forum-store';
import type { FishbowlCommand } from '@podium/fishbowl';
import type { QuestionCommand } from '@podium/questions';
import { ChatStore } from '../../../apps/api/src/chat/chat-store';
import { FishbowlStore } from '../../../apps/api/src/fishbowl/fishbowl-store';
import { QuestionsStore } from '../../../apps/api/src/questions/questions-store';
import { PollsStore } from '../../../apps/api/src/polls/polls-store';
import { newSession, type Cast } from './cast';
import type { Persona } from './expected-access';

export interface Scene {
  sessionId: string;
  payload: Record<string, unknown>;
  /** The event an allowed call must append (with this person), or undefined for join/part (checked by the ack). */
  effect?: { type: FishbowlEvent['type']; personId?: string };
}

type Setup = (c: Cast, persona: Persona) => Promise<Scene>;

/** Events whose preparation is the caller's own (ask, accept, ...): every persona needs its own scene. */
export const PERSONAL_SCENES: ReadonlySet<string> = new Set(['fishbowl:accept', 'fishbowl:decline', 'fishbowl:leave']);

const actor = (personId: string, name: string, role: FishbowlActor['role'] = 'attendee'): FishbowlActor => ({ personId, displayName: name, role });

/** A fresh fishbowl of A with two open chairs and no fixed ones (so speaker and moderator may take a seat too). */
async function fishbowl(c: Cast, options: { start?: boolean; closed?: boolean } = {}) {
  const store = c.app.podium.app.get(FishbowlStore);
  const sessionId = await newSession(c, c.conferenceId, { startMinutes: -5 });
  const org = actor(c.ids.organiser!, 'Orga', 'organiser');
  const version = async () => (await store.current(sessionId)).version;
  const run = async (command: Record<string, unknown>) => {
    await store.submit(sessionId, { actor: org, expectedVersion: await version(), ...command } as unknown as FishbowlCommand);
  };
  await run({ type: 'configure', settings: { fixedChairs: [], chairCount: 2, mode: options.closed ? 'closed' : 'open' } });
  if (options.start !== false) await run({ type: 'start' });
  const as = (personId: string) => async (command: Record<string, unknown>) => store.submit(sessionId, { ...command, actor: actor(personId, 'Person') } as unknown as FishbowlCommand);
  const seat = async (personId: string) => {
    await as(personId)({ type: 'ask', where: 'remote' });
    await run({ type: 'invite', personId });
    await as(personId)({ type: 'accept' });
  };
  return { sessionId, run, as, seat, version };
}

export const SOCKET_SCENES: Record<keyof FishbowlClientToServerEvents, Setup> = {
  // Following S itself changes no state.
  'fishbowl:join': async (c) => ({ sessionId: c.sessionId, payload: { sessionId: c.sessionId } }),
  'fishbowl:part': async (c) => ({ sessionId: c.sessionId, payload: { sessionId: c.sessionId } }),
  'fishbowl:ask': async (c, p) => {
    const f = await fishbowl(c);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, where: 'remote' }, effect: { type: 'seat-requested', personId: c.ids[p] } };
  },
  'fishbowl:withdraw': async (c) => {
    const f = await fishbowl(c);
    await f.as(c.victimId)({ type: 'ask', where: 'hall' });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId }, effect: { type: 'seat-request-withdrawn', personId: c.victimId } };
  },
  'fishbowl:accept': async (c, p) => {
    const f = await fishbowl(c);
    await f.as(c.ids[p]!)({ type: 'ask', where: 'remote' });
    await f.run({ type: 'invite', personId: c.ids[p] });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId }, effect: { type: 'invitation-accepted', personId: c.ids[p] } };
  },
  'fishbowl:decline': async (c, p) => {
    const f = await fishbowl(c);
    await f.as(c.ids[p]!)({ type: 'ask', where: 'remote' });
    await f.run({ type: 'invite', personId: c.ids[p] });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId }, effect: { type: 'invitation-declined', personId: c.ids[p] } };
  },
  'fishbowl:leave': async (c, p) => {
    const f = await fishbowl(c);
    await f.seat(c.ids[p]!);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId }, effect: { type: 'left-chair', personId: c.ids[p] } };
  },
  'fishbowl:invite': async (c) => {
    const f = await fishbowl(c);
    await f.as(c.victimId)({ type: 'ask', where: 'remote' });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId, expectedVersion: await f.version() }, effect: { type: 'guest-invited', personId: c.victimId } };
  },
  'fishbowl:cancel-invitation': async (c) => {
    const f = await fishbowl(c);
    await f.as(c.victimId)({ type: 'ask', where: 'remote' });
    await f.run({ type: 'invite', personId: c.victimId });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId, expectedVersion: await f.version() }, effect: { type: 'invitation-cancelled', personId: c.victimId } };
  },
  'fishbowl:remove': async (c) => {
    const f = await fishbowl(c);
    await f.seat(c.victimId);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId, expectedVersion: await f.version() }, effect: { type: 'left-chair', personId: c.victimId } };
  },
  'fishbowl:move': async (c) => {
    const f = await fishbowl(c);
    await f.as(c.ids.attendee!)({ type: 'ask', where: 'remote' });
    await f.as(c.victimId)({ type: 'ask', where: 'remote' });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId, toIndex: 0, expectedVersion: await f.version() }, effect: { type: 'queue-entry-moved', personId: c.victimId } };
  },
  'fishbowl:confirm-rotation': async (c) => {
    const f = await fishbowl(c);
    await f.seat(c.victimId);
    await f.seat(c.ids.attendee!);
    // Both open chairs taken and someone waiting: a rotation is due.
    await f.as(c.ids.speaker!)({ type: 'ask', where: 'remote' });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, expectedVersion: await f.version() }, effect: { type: 'left-chair' } };
  },
  'fishbowl:end-round': async (c) => {
    const f = await fishbowl(c, { closed: true });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, expectedVersion: await f.version() }, effect: { type: 'round-ended' } };
  },
  'fishbowl:configure': async (c) => {
    const f = await fishbowl(c, { start: false });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, settings: { auto: true }, expectedVersion: await f.version() }, effect: { type: 'fishbowl-configured' } };
  },
  'fishbowl:start': async (c) => {
    const f = await fishbowl(c, { start: false });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, expectedVersion: await f.version() }, effect: { type: 'fishbowl-started' } };
  },
  'fishbowl:end': async (c) => {
    const f = await fishbowl(c);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, expectedVersion: await f.version() }, effect: { type: 'fishbowl-ended' } };
  },
  'fishbowl:substitute': async (c) => {
    // An absent panelist (never connected) on fixed chair 0; the victim stands in from the queue.
    const f = await fishbowl(c, { start: false });
    await f.run({ type: 'configure', settings: { chairCount: 3, fixedChairs: [{ role: 'panelist', personId: 'absent-panelist', displayName: 'Abwesend' }] } });
    await f.run({ type: 'start' });
    await f.as(c.victimId)({ type: 'ask', where: 'hall' });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, chairIndex: 0, personId: c.victimId, expectedVersion: await f.version() }, effect: { type: 'substitute-seated', personId: c.victimId } };
  },
  'fishbowl:speaking': async (c) => {
    const f = await fishbowl(c);
    await f.seat(c.victimId);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId, speaking: true, expectedVersion: await f.version() }, effect: { type: 'speaking-started', personId: c.victimId } };
  },
};

// ------------------------------------------------------------------ /questions

/** The question events as the access test checks them: the `by` of the event the call must append. */
export interface QuestionScene {
  sessionId: string;
  payload: Record<string, unknown>;
  effect?: { type: string };
}

/** Scenes that the caller prepares for themselves (their own vote, their own question). */
export const PERSONAL_QUESTION_SCENES: ReadonlySet<string> = new Set(['questions:retract-upvote', 'questions:withdraw', 'questions:upvote', 'questions:ask']);

/** A fresh session of A whose questions hold one approved question of the victim (and, for the podium, a running fishbowl). */
async function questions(c: Cast, options: { fishbowl?: boolean } = {}) {
  const store = c.app.podium.app.get(QuestionsStore);
  const sessionId = options.fishbowl ? (await fishbowl(c)).sessionId : await newSession(c, c.conferenceId, { startMinutes: -5 });
  const org = actor(c.ids.organiser!, 'Orga', 'organiser');
  const as = (personId: string, command: Record<string, unknown>) => store.submit(sessionId, { ...command, actor: actor(personId, 'Person') } as unknown as QuestionCommand);
  const run = (command: Record<string, unknown>) => store.submit(sessionId, { ...command, actor: org } as unknown as QuestionCommand);
  const questionId = randomUUID();
  await as(c.victimId, { type: 'ask', questionId, text: 'Eine Frage des Opfers', origin: 'remote', mayTakeChair: true });
  await run({ type: 'approve', questionId });
  return { sessionId, questionId, as, run };
}

type QuestionSetup = (c: Cast, persona: Persona) => Promise<QuestionScene>;
const onVictims = (type: string, extra: Record<string, unknown> = {}): QuestionSetup => async (c) => {
  const q = await questions(c);
  return { sessionId: q.sessionId, payload: { sessionId: q.sessionId, questionId: q.questionId, ...extra }, effect: { type } };
};

export const QUESTION_SCENES: Record<keyof QuestionsClientToServerEvents, QuestionSetup> = {
  'questions:join': async (c) => ({ sessionId: c.sessionId, payload: { sessionId: c.sessionId } }),
  'questions:part': async (c) => ({ sessionId: c.sessionId, payload: { sessionId: c.sessionId } }),
  'questions:ask': async (c) => {
    const q = await questions(c);
    return { sessionId: q.sessionId, payload: { sessionId: q.sessionId, questionId: randomUUID(), text: 'Darf ich fragen?', origin: 'hall' }, effect: { type: 'question-asked' } };
  },
  'questions:upvote': onVictims('question-upvoted'),
  'questions:retract-upvote': async (c, p) => {
    const q = await questions(c);
    if (c.ids[p]) await q.as(c.ids[p]!, { type: 'upvote', questionId: q.questionId }).catch(() => undefined);
    return { sessionId: q.sessionId, payload: { sessionId: q.sessionId, questionId: q.questionId }, effect: { type: 'question-upvote-retracted' } };
  },
  'questions:withdraw': async (c, p) => {
    const q = await questions(c);
    const own = randomUUID();
    if (c.ids[p]) await q.as(c.ids[p]!, { type: 'ask', questionId: own, text: 'Meine eigene Frage', origin: 'remote', mayTakeChair: true });
    return { sessionId: q.sessionId, payload: { sessionId: q.sessionId, questionId: own }, effect: { type: 'question-withdrawn' } };
  },
  'questions:set-moderation': async (c) => {
    const q = await questions(c);
    return { sessionId: q.sessionId, payload: { sessionId: q.sessionId, moderation: 'post' }, effect: { type: 'moderation-set' } };
  },
  'questions:approve': async (c) => {
    const q = await questions(c);
    const pending = randomUUID();
    await q.as(c.victimId, { type: 'ask', questionId: pending, text: 'Noch eine Frage', origin: 'remote', mayTakeChair: true });
    return { sessionId: q.sessionId, payload: { sessionId: q.sessionId, questionId: pending }, effect: { type: 'question-approved' } };
  },
  'questions:reject': onVictims('question-rejected'),
  'questions:pin': onVictims('question-pinned'),
  'questions:unpin': async (c) => {
    const q = await questions(c);
    await q.run({ type: 'pin', questionId: q.questionId });
    return { sessionId: q.sessionId, payload: { sessionId: q.sessionId, questionId: q.questionId }, effect: { type: 'question-unpinned' } };
  },
  'questions:mark-answered': onVictims('question-answered'),
  'questions:merge': async (c) => {
    const q = await questions(c);
    const dup = randomUUID();
    await q.as(c.victimId, { type: 'ask', questionId: dup, text: 'Die gleiche Frage', origin: 'remote', mayTakeChair: true });
    return { sessionId: q.sessionId, payload: { sessionId: q.sessionId, questionId: dup, intoId: q.questionId }, effect: { type: 'question-merged' } };
  },
  'questions:edit': onVictims('question-edited', { text: 'Eine korrigierte Frage' }),
  'questions:to-podium': async (c) => {
    const q = await questions(c, { fishbowl: true });
    return { sessionId: q.sessionId, payload: { sessionId: q.sessionId, questionId: q.questionId }, effect: { type: 'question-to-podium' } };
  },
};

/** A poll scene on S: the payload and the poll event an allowed call must append (`by` = the caller for ballots). */
export interface PollScene {
  payload: Record<string, unknown>;
  effect?: { type: string; by?: string };
}

let pollCount = 0;
/** A fresh poll of S, created (and opened) by the organiser through the store. */
async function poll(c: Cast, state: 'draft' | 'open') {
  const store = c.app.podium.app.get(PollsStore);
  const pollId = `sec-${++pollCount}`;
  const actor = { personId: c.ids.organiser!, displayName: 'Orga', role: 'organiser' as const };
  await store.submit(c.sessionId, { type: 'create', actor, pollId, settings: { question: 'Zugriff?', options: POLL_OPTIONS } });
  if (state === 'open') await store.submit(c.sessionId, { type: 'open', actor, pollId });
  return pollId;
}
const POLL_OPTIONS = [
  { id: 'ja', label: 'Ja' },
  { id: 'nein', label: 'Nein' },
];

export const POLL_SCENES: Record<keyof PollsClientToServerEvents, (c: Cast, persona: Persona) => Promise<PollScene>> = {
  'polls:join': async (c) => ({ payload: { sessionId: c.sessionId, mode: 'hall' } }),
  'polls:part': async (c) => ({ payload: { sessionId: c.sessionId } }),
  'polls:create': async (c) => ({ payload: { sessionId: c.sessionId, pollId: `sec-new-${++pollCount}`, settings: { question: 'Neu?', options: POLL_OPTIONS } }, effect: { type: 'poll-created' } }),
  'polls:open': async (c) => ({ payload: { sessionId: c.sessionId, pollId: await poll(c, 'draft') }, effect: { type: 'poll-opened' } }),
  'polls:close': async (c) => ({ payload: { sessionId: c.sessionId, pollId: await poll(c, 'open') }, effect: { type: 'poll-closed' } }),
  'polls:vote': async (c, p) => ({ payload: { sessionId: c.sessionId, pollId: await poll(c, 'open'), choices: ['ja'] }, effect: { type: 'ballot-cast', by: c.ids[p] } }),
};
/** A chat scene: the room, the payload, and the SQL that must find a row after an allowed call (params: persona's id). */
export interface ChatScene {
  roomId: string;
  payload: Record<string, unknown>;
  effect?: { sql: string; params: unknown[] };
}

/** A fresh session of A's chat (the personas keep their roles on it), optionally with a victim's message or mute. */
async function chatRoom(c: Cast, prepare: { message?: boolean; mute?: boolean } = {}) {
  const roomId = `session:${await newSession(c, c.conferenceId, { startMinutes: -5 })}`;
  const store = c.app.podium.app.get(ChatStore);
  const moderator = { personId: c.ids.organiser!, displayName: 'Orga', moderator: true };
  const messageId = randomUUID();
  if (prepare.message) await store.submit(roomId, { type: 'post', actor: { personId: c.victimId, displayName: 'Opfer', moderator: false }, messageId, text: 'Hallo' });
  if (prepare.mute) await store.submit(roomId, { type: 'mute', actor: moderator, personId: c.victimId, untilMs: Date.now() + 600_000 });
  return { roomId, messageId };
}

const eventBy = (type: string) => `SELECT 1 FROM chat_event WHERE room_id = $1 AND type = '${type}' AND actor->>'personId' = $2`;

export const CHAT_SCENES: Record<keyof ChatClientToServerEvents, (c: Cast, persona: Persona) => Promise<ChatScene>> = {
  'chat:join': async (c) => ({ roomId: `session:${c.sessionId}`, payload: { roomId: `session:${c.sessionId}` } }),
  'chat:part': async (c) => ({ roomId: `session:${c.sessionId}`, payload: { roomId: `session:${c.sessionId}` } }),
  'chat:history': async (c) => ({ roomId: `session:${c.sessionId}`, payload: { roomId: `session:${c.sessionId}`, before: 1000 } }),
  'chat:post': async (c, p) => {
    const { roomId } = await chatRoom(c);
    const messageId = randomUUID();
    return { roomId, payload: { roomId, messageId, text: 'Guten Tag' }, effect: { sql: 'SELECT 1 FROM chat_message WHERE message_id = $1 AND author_id = $2', params: [messageId, c.ids[p]] } };
  },
  'chat:report': async (c, p) => {
    const { roomId, messageId } = await chatRoom(c, { message: true });
    return { roomId, payload: { roomId, messageId, reason: 'Spam' }, effect: { sql: 'SELECT 1 FROM chat_report WHERE message_id = $1 AND reporter_id = $2', params: [messageId, c.ids[p]] } };
  },
  'chat:delete': async (c, p) => {
    const { roomId, messageId } = await chatRoom(c, { message: true });
    return { roomId, payload: { roomId, messageId }, effect: { sql: "SELECT 1 FROM chat_message WHERE message_id = $1 AND deleted_by = $2 AND text = ''", params: [messageId, c.ids[p]] } };
  },
  'chat:mute': async (c, p) => {
    const { roomId } = await chatRoom(c);
    return { roomId, payload: { roomId, personId: c.victimId, untilMs: Date.now() + 600_000 }, effect: { sql: eventBy('person-muted'), params: [roomId, c.ids[p]] } };
  },
  'chat:unmute': async (c, p) => {
    const { roomId } = await chatRoom(c, { mute: true });
    return { roomId, payload: { roomId, personId: c.victimId }, effect: { sql: eventBy('person-unmuted'), params: [roomId, c.ids[p]] } };
  },
  'chat:slow-mode': async (c, p) => {
    const { roomId } = await chatRoom(c);
    return { roomId, payload: { roomId, intervalSeconds: 10 }, effect: { sql: eventBy('slow-mode-set'), params: [roomId, c.ids[p]] } };
  },
};
// ---------------------------------------------------------------- /forum

/** Forum events whose preparation is the caller's own (they must be in the forum first). */
export const PERSONAL_FORUM_SCENES: ReadonlySet<string> = new Set(['forum:leave', 'forum:raise-hand', 'forum:take-slot', 'forum:answer-unmute']);
const MODERATORS: ReadonlySet<Persona> = new Set(['moderator', 'organiser', 'platform']);

/** A fresh forum of A (S's session people and ban, switched to interactive); commands go straight to the store. */
async function forum(c: Cast) {
  const store = c.app.podium.app.get(ForumStore);
  const sessionId = await newSession(c, c.conferenceId, { startMinutes: -5 });
  await c.db.query('UPDATE session SET interactive = true WHERE id = $1', [sessionId]);
  const who = (personId: string, moderator = false): ForumActor => ({ personId, displayName: 'Person', moderator });
  const mo = who(c.ids.moderator!, true);
  const run = (command: Record<string, unknown>) => store.submit(sessionId, { actor: mo, ...command } as unknown as ForumCommand);
  const enter = (persona: Persona | 'victim') => {
    const personId = persona === 'victim' ? c.victimId : c.ids[persona]!;
    return store.submit(sessionId, { type: 'enter', actor: who(personId, persona !== 'victim' && MODERATORS.has(persona)) });
  };
  return { sessionId, run, enter, as: (personId: string) => (command: Record<string, unknown>) => store.submit(sessionId, { ...command, actor: who(personId) } as unknown as ForumCommand) };
}

export type ForumScene = Omit<Scene, 'effect'> & { effect?: { type: ForumEvent['type']; personId?: string } };

export const FORUM_SCENES: Record<keyof ForumClientToServerEvents, (c: Cast, persona: Persona) => Promise<ForumScene>> = {
  'forum:join': async (c) => {
    const f = await forum(c);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId } };
  },
  'forum:part': async (c) => {
    const f = await forum(c);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId } };
  },
  'forum:leave': async (c, p) => {
    const f = await forum(c);
    if (c.ids[p]) await f.enter(p);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId }, effect: { type: 'left', personId: c.ids[p] } };
  },
  'forum:raise-hand': async (c, p) => {
    const f = await forum(c);
    if (c.ids[p]) await f.enter(p);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId }, effect: { type: 'hand-raised', personId: c.ids[p] } };
  },
  'forum:lower-hand': async (c) => {
    const f = await forum(c);
    await f.enter('victim');
    await f.as(c.victimId)({ type: 'raise-hand' });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId }, effect: { type: 'hand-lowered', personId: c.victimId } };
  },
  'forum:give-floor': async (c) => {
    const f = await forum(c);
    await f.enter('victim');
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId }, effect: { type: 'floor-given', personId: c.victimId } };
  },
  'forum:end-floor': async (c) => {
    const f = await forum(c);
    await f.enter('victim');
    await f.run({ type: 'give-floor', personId: c.victimId });
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId }, effect: { type: 'floor-ended', personId: c.victimId } };
  },
  'forum:take-slot': async (c, p) => {
    // One place, held by the victim while the caller enters (and listens), then given back.
    const f = await forum(c);
    await f.run({ type: 'configure', maxPublishers: 1 });
    await f.enter('victim');
    if (c.ids[p]) await f.enter(p);
    await f.as(c.victimId)({ type: 'leave' });
    // Moderators talk by right: for them taking a place changes nothing.
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId }, effect: MODERATORS.has(p) ? undefined : { type: 'slot-taken', personId: c.ids[p] } };
  },
  'forum:mute': async (c) => {
    const f = await forum(c);
    await f.enter('victim');
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId }, effect: { type: 'muted', personId: c.victimId } };
  },
  'forum:ask-unmute': async (c) => {
    const f = await forum(c);
    await f.enter('victim');
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId }, effect: { type: 'unmute-asked', personId: c.victimId } };
  },
  'forum:answer-unmute': async (c, p) => {
    const f = await forum(c);
    if (c.ids[p]) {
      await f.enter(p);
      await f.run({ type: 'ask-unmute', personId: c.ids[p] });
    }
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, accepted: false }, effect: { type: 'unmute-answered', personId: c.ids[p] } };
  },
  'forum:remove': async (c) => {
    const f = await forum(c);
    await f.enter('victim');
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId }, effect: { type: 'removed', personId: c.victimId } };
  },
  'forum:configure': async (c) => {
    const f = await forum(c);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, maxPublishers: 20 }, effect: { type: 'configured' } };
  },
  'forum:open-breakouts': async (c) => {
    const f = await forum(c);
    await f.enter('victim');
    await f.enter('attendee');
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, groupSize: 2, durationSeconds: 600 }, effect: { type: 'breakouts-opened' } };
  },
  'forum:broadcast': async (c) => {
    const f = await openBreakouts(c);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, message: 'Noch fünf Minuten' }, effect: { type: 'breakout-message' } };
  },
  'forum:close-breakouts': async (c) => {
    const f = await openBreakouts(c);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId }, effect: { type: 'breakouts-closed' } };
  },
};

/** A forum whose victim and attendee are in one open breakout group. */
async function openBreakouts(c: Cast) {
  const f = await forum(c);
  await f.enter('victim');
  await f.enter('attendee');
  await f.run({ type: 'open-breakouts', groupSize: 2, durationSeconds: 600, seed: 1 });
  return f;
}

// ---------------------------------------------------------------- /market
export interface MarketScene {
  payload: Record<string, unknown>;
  /** What an allowed call's ack must carry. */
  verify?: (ack: { place?: BoothLivePlace }) => string | null;
}

/** A fresh open booth of A, full (two visitors), with the persona first in its queue. */
async function fullBooth(c: Cast, persona: Persona): Promise<string> {
  const store = c.app.podium.app.get(BoothStore);
  const [row] = await c.db.query(`INSERT INTO booth (conference_id, name, capacity) VALUES ($1, 'Stand mit Schlange', 2) RETURNING id`, [c.conferenceId]);
  const as = (personId: string, staff: boolean, command: Record<string, unknown>) => store.submit(row.id, { ...command, actor: { personId, displayName: 'Person', staff } } as unknown as BoothCommand);
  await as(randomUUID(), true, { type: 'staff-enter' });
  for (let i = 0; i < 2; i++) await as(randomUUID(), false, { type: 'visit' });
  if (c.ids[persona]) await as(c.ids[persona]!, false, { type: 'visit' });
  return row.id;
}

export const MARKET_SCENES: Record<keyof MarketClientToServerEvents, (c: Cast, persona: Persona) => Promise<MarketScene>> = {
  'market:follow': async (c, p) => ({
    payload: { boothId: await fullBooth(c, p) },
    verify: (ack) => (ack.place?.status === 'queued' && ack.place.position === 1 && ack.place.visitors === 2 ? null : `not its own place first in the queue: ${JSON.stringify(ack.place)}`),
  }),
  'market:unfollow': async (c, p) => ({ payload: { boothId: await fullBooth(c, p) } }),
};
