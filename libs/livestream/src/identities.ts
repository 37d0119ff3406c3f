/** LiveKit identities: our person id, or the person's production desk (a second, publishing identity). */
const DESK_PREFIX = 'desk:';

export function participantIdentity(personId: string, productionDesk = false): string {
  return productionDesk ? `${DESK_PREFIX}${personId}` : personId;
}

/** The person behind an identity (bans apply to both identities of a person). */
export function personIdOfIdentity(identity: string): string {
  return identity.startsWith(DESK_PREFIX) ? identity.slice(DESK_PREFIX.length) : identity;
}

/**
 * Who should be on stage in a room, identity -> onStage. Stage: the session's speakers unless a
 * moderator took them off, plus everyone a moderator put on; backstage: everyone in it.
 */
export function desiredStage(
  kind: 'stage' | 'backstage',
  input: { speakers: readonly string[]; assignments: readonly { personId: string; onStage: boolean }[]; present: readonly string[] },
): Map<string, boolean> {
  if (kind === 'backstage') return new Map(input.present.map((id) => [id, true]));
  const desired = new Map<string, boolean>(input.speakers.map((id) => [id, true]));
  for (const a of input.assignments) desired.set(a.personId, a.onStage);
  return desired;
}
