// For each fishbowl event: bring a fresh fishbowl to the state the event needs, the payload, and the event it must cause.
import type { FishbowlActor, FishbowlClientToServerEvents, FishbowlEvent, ForumActor, ForumClientToServerEvents, ForumEvent } from '@podium/contracts';
import type { ForumCommand } from '@podium/forum';
import { ForumStore } from '../../../apps/api/src/forum/forum-store';
import type { FishbowlCommand } from '@podium/fishbowl';
import { FishbowlStore } from '../../../apps/api/src/fishbowl/fishbowl-store';
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
  'fishbowl:speaking': async (c) => {
    const f = await fishbowl(c);
    await f.seat(c.victimId);
    return { sessionId: f.sessionId, payload: { sessionId: f.sessionId, personId: c.victimId, speaking: true, expectedVersion: await f.version() }, effect: { type: 'speaking-started', personId: c.victimId } };
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
