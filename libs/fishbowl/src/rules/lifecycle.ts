import type { DomainError, FishbowlEvent } from '@podium/contracts';
import type { ConfigureCommand, EndCommand, EndRoundCommand, StartCommand } from '../commands';
import { conflict, invalid } from '../errors';
import { changesLayout, sameSettings, SETTING_KEYS, validateSettings } from '../settings';
import type { FishbowlState } from '../state';
import { roundChange } from '../timers';

type Result = FishbowlEvent[] | DomainError;

export function configure(s: FishbowlState, c: ConfigureCommand, now: number): Result {
  if (s.status === 'ended') return conflict('ENDED', 'The fishbowl has ended');
  if (!c.settings || typeof c.settings !== 'object') return invalid('settings', 'must be an object');
  const unknown = Object.keys(c.settings).find((k) => !(SETTING_KEYS as string[]).includes(k));
  if (unknown) return invalid(`settings.${unknown}`, 'unknown setting');
  const settings = { ...s.settings, ...c.settings };
  const error = validateSettings(settings);
  if (error) return error;
  if (s.status === 'running' && changesLayout(s.settings, settings))
    return conflict('LAYOUT_LOCKED', 'Mode, chair count and fixed chairs can only change before the start');
  const queued = settings.fixedChairs.find((f) => s.queue.some((q) => q.personId === f.personId));
  if (queued) return conflict('ALREADY_QUEUED', `${queued.displayName} is in the queue and cannot take a fixed chair`, { personId: queued.personId });
  if (sameSettings(s.settings, settings)) return [];
  return [{ type: 'fishbowl-configured', at: now, actor: c.actor, settings }];
}

export function start(s: FishbowlState, c: StartCommand, now: number): Result {
  if (s.status === 'running') return conflict('ALREADY_RUNNING', 'The fishbowl is already running');
  if (s.status === 'ended') return conflict('ENDED', 'The fishbowl has ended');
  const events: FishbowlEvent[] = [{ type: 'fishbowl-started', at: now, actor: c.actor }];
  if (s.settings.mode === 'closed') events.push({ type: 'round-started', at: now, actor: c.actor, round: 1, endsAt: now + s.settings.roundLengthMs });
  return events;
}

/** Ending closes every seating and invitation explicitly, so the record needs no special case. */
export function end(s: FishbowlState, c: EndCommand, now: number): Result {
  if (s.status === 'ended') return conflict('ENDED', 'The fishbowl has already ended');
  const events: FishbowlEvent[] = [];
  for (const inv of s.invitations) events.push({ type: 'invitation-cancelled', at: now, actor: c.actor, personId: inv.personId });
  for (const chair of s.chairs) {
    if (chair.occupant) events.push({ type: 'left-chair', at: now, actor: c.actor, personId: chair.occupant.personId, chairIndex: chair.index, reason: 'ended' });
  }
  if (s.round) events.push({ type: 'round-ended', at: now, actor: c.actor, round: s.round.number });
  events.push({ type: 'fishbowl-ended', at: now, actor: c.actor });
  return events;
}

export function endRound(s: FishbowlState, c: EndRoundCommand, now: number): Result {
  if (s.status !== 'running') return conflict('NOT_RUNNING', 'The fishbowl is not running');
  if (s.settings.mode !== 'closed' || !s.round) return conflict('NOT_CLOSED_MODE', 'Rounds exist only in a closed fishbowl');
  return roundChange(s, now, c.actor);
}
