import { openChairs } from './queries';
import type { FishbowlState } from './state';

/**
 * The rules that must hold after every event; returns the broken ones (empty = healthy).
 * Used by the specs and available to the edge as a cheap self-check.
 */
export function invariantViolations(s: FishbowlState): string[] {
  const broken: string[] = [];
  const seated = s.chairs.flatMap((c) => (c.occupant ? [c.occupant.personId] : []));
  const queued = s.queue.map((q) => q.personId);
  if (s.chairs.length !== s.settings.chairCount) broken.push('chair count differs from the settings');
  if (seated.length > s.settings.chairCount) broken.push('more people seated than chairs');
  const everyone = [...seated, ...queued];
  if (new Set(everyone).size !== everyone.length) broken.push('a person is seated or queued twice');
  if (new Set(queued).size !== queued.length) broken.push('more than one queue entry per person');
  s.chairs.forEach((c, i) => {
    if (c.index !== i) broken.push(`chair ${i} has index ${c.index}`);
    const fixed = s.settings.fixedChairs[i];
    if ((c.kind === 'fixed') !== Boolean(fixed)) broken.push(`chair ${i} kind does not match the fixed chairs`);
    // A fixed chair is never empty while running: its panelist or, while they are away, a substitute sits there.
    if (s.status === 'running' && fixed && !c.occupant) broken.push(`fixed chair ${i} lost its occupant`);
    if (s.status !== 'running' && c.occupant) broken.push(`chair ${i} occupied while ${s.status}`);
    if (c.kind === 'fixed' && c.occupant?.endsAt != null) broken.push(`fixed chair ${i} has a time limit`);
  });
  const heldChairs = s.invitations.map((i) => i.chairIndex);
  if (new Set(heldChairs).size !== heldChairs.length) broken.push('two invitations hold one chair');
  if (new Set(s.invitations.map((i) => i.personId)).size !== s.invitations.length) broken.push('two invitations for one person');
  for (const inv of s.invitations) {
    const chair = s.chairs[inv.chairIndex];
    if (!chair || chair.kind !== 'open' || chair.occupant) broken.push(`invitation of ${inv.personId} holds an unavailable chair`);
    if (!queued.includes(inv.personId)) broken.push(`invited ${inv.personId} is not in the queue`);
  }
  if (s.status !== 'running' && s.invitations.length) broken.push(`invitations while ${s.status}`);
  if (s.status === 'ended' && s.queue.length) broken.push('queue left after the end');
  if (s.settings.mode === 'closed' && s.status === 'running' && !s.round) broken.push('closed fishbowl running without a round');
  if (openChairs(s).length < 1) broken.push('no open chair');
  for (const [personId, p] of s.presence) {
    if (!queued.includes(personId) && !seated.includes(personId) && !s.settings.fixedChairs.some((f) => f.personId === personId))
      broken.push(`presence kept for ${personId}, who is neither queued, seated nor fixed`);
    if (p.away && (p.connected || !queued.includes(personId))) broken.push(`${personId} marked away while connected or not queued`);
  }
  return broken;
}
