import type { DomainError } from '@podium/contracts';
import type { FishbowlCommand, FishbowlCommandType } from './commands';
import { invalid, stale } from './errors';
import type { FishbowlState, ScopeVersions } from './state';

export type VersionScope = keyof ScopeVersions;

/**
 * Which part of the state a command's `expectedVersion` guards. A scoped command is stale only when
 * an event touching *its* scope happened after the version the caller saw, so 1000 people asking for
 * a seat never make a moderator's invite fail, while two moderators filling the last chair do collide.
 * null: no version needed (self-service, timer); when given anyway, it must equal the current version.
 */
export const VERSION_SCOPE: Readonly<Record<FishbowlCommandType, VersionScope | null>> = {
  configure: 'settings',
  start: 'settings',
  end: 'settings',
  invite: 'seats',
  // From the questions panel, which does not see the fishbowl's version; NO_FREE_CHAIR still guards the seat.
  'invite-asker': null,
  'cancel-invitation': 'seats',
  remove: 'seats',
  'confirm-rotation': 'seats',
  'end-round': 'seats',
  move: 'queueOrder',
  ask: null,
  withdraw: null,
  accept: null,
  decline: null,
  leave: null,
  'report-speaking': null,
  tick: null,
  'report-presence': null,
  substitute: 'seats',
};

export const versionScopeOf = (type: FishbowlCommandType): VersionScope | null => VERSION_SCOPE[type];

export const requiresExpectedVersion = (type: FishbowlCommandType): boolean => VERSION_SCOPE[type] !== null;

export function checkVersion(state: FishbowlState, command: FishbowlCommand): DomainError | undefined {
  const scope = VERSION_SCOPE[command.type];
  const expected = command.expectedVersion;
  if (expected === undefined) return scope ? invalid('expectedVersion', `required for ${command.type}`) : undefined;
  if (!Number.isSafeInteger(expected) || expected < 0) return invalid('expectedVersion', 'must be a non-negative integer');
  const details = { expectedVersion: expected, currentVersion: state.version, scope };
  if (expected > state.version) return stale('expectedVersion is ahead of the fishbowl', details);
  if (scope === null) return expected === state.version ? undefined : stale('The fishbowl changed since you saw it', details);
  const changedAt = state.scopes[scope];
  return changedAt > expected ? stale(`The ${scope} changed since you saw them (at version ${changedAt})`, { ...details, changedAt }) : undefined;
}
