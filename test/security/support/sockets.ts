// Valid sample payloads per fishbowl event, and the fishbowl role each persona acts as.
import type { FishbowlActorRole } from '@podium/contracts';
import type { Persona, World } from './world';

/** How FishbowlSessions.actorFor classifies our personas (session moderator, conference organiser, ...). */
export const FISHBOWL_ROLE: Record<Exclude<Persona, 'anonymous' | 'other'>, FishbowlActorRole> = {
  guest: 'guest',
  attendee: 'attendee',
  speaker: 'speaker',
  moderator: 'moderator',
  organiser: 'organiser',
  platform: 'organiser',
};

/** A payload that passes validation, so the answer is about the role; someone else's id where one is named. */
export function samplePayload(event: string, world: World, expectedVersion?: number): Record<string, unknown> {
  const sessionId = world.sessionId;
  const v = expectedVersion === undefined ? {} : { expectedVersion };
  const someone = world.victimId;
  const samples: Record<string, Record<string, unknown>> = {
    'fishbowl:join': { sessionId },
    'fishbowl:part': { sessionId },
    'fishbowl:ask': { sessionId, where: 'remote', ...v },
    'fishbowl:withdraw': { sessionId, personId: someone, ...v },
    'fishbowl:accept': { sessionId, ...v },
    'fishbowl:decline': { sessionId, ...v },
    'fishbowl:leave': { sessionId, ...v },
    'fishbowl:invite': { sessionId, personId: someone, expectedVersion: expectedVersion ?? 0 },
    'fishbowl:cancel-invitation': { sessionId, personId: someone, expectedVersion: expectedVersion ?? 0 },
    'fishbowl:remove': { sessionId, personId: someone, expectedVersion: expectedVersion ?? 0 },
    'fishbowl:move': { sessionId, personId: someone, toIndex: 0, expectedVersion: expectedVersion ?? 0 },
    'fishbowl:confirm-rotation': { sessionId, expectedVersion: expectedVersion ?? 0 },
    'fishbowl:end-round': { sessionId, expectedVersion: expectedVersion ?? 0 },
    'fishbowl:configure': { sessionId, settings: { auto: false }, expectedVersion: expectedVersion ?? 0 },
    'fishbowl:start': { sessionId, expectedVersion: expectedVersion ?? 0 },
    'fishbowl:end': { sessionId, expectedVersion: expectedVersion ?? 0 },
    'fishbowl:speaking': { sessionId, personId: someone, speaking: true, ...v },
    'fishbowl:substitute': { sessionId, chairIndex: 0, personId: someone, expectedVersion: expectedVersion ?? 0 },
  };
  const sample = samples[event];
  if (!sample) throw new Error(`no sample payload for socket event '${event}': add one so the new command is checked`);
  return sample;
}
