// For each fishbowl event: bring a fresh fishbowl to the state the event needs, the payload, and the event it must cause.
import type { FishbowlActor, FishbowlClientToServerEvents, FishbowlEvent } from '@podium/contracts';
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
