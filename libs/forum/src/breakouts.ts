import { DomainError, FORUM_LIMITS, type ForumGroup } from '@podium/contracts';
import { seededRandom } from '@podium/random';
import type { ForumState } from './state';


const named = (lists: string[][]): ForumGroup[] => lists.map((personIds, i) => ({ id: `g${i + 1}`, personIds }));

/** Everyone but the moderators (they move between the groups), in the order they entered. */
export const breakoutMembers = (state: ForumState): string[] => state.participants.filter((p) => !p.moderator).map((p) => p.personId);

/**
 * Groups of `size` in a shuffled order; a last group of one joins the group before it, so nobody
 * sits alone. Fisher-Yates with the seeded generator.
 */
export function randomGroups(members: readonly string[], size: number, seed: number): ForumGroup[] {
  const order = [...members];
  const next = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const lists: string[][] = [];
  for (let i = 0; i < order.length; i += size) lists.push(order.slice(i, i + size));
  if (lists.length > 1 && lists[lists.length - 1].length === 1) lists[lists.length - 2].push(...lists.pop()!);
  return named(lists);
}

/** The moderator's own groups: only people in the forum (not moderators), nobody twice, no empty group. */
export function chosenGroups(state: ForumState, lists: string[][]): ForumGroup[] | DomainError {
  const members = new Set(breakoutMembers(state));
  const seen = new Set<string>();
  for (const list of lists) {
    if (list.length === 0) return new DomainError('VALIDATION', 'A group needs at least one person', { field: 'groups' });
    for (const personId of list) {
      if (!members.has(personId)) return new DomainError('NOT_FOUND', 'This person is not in the forum (or moderates it)', { personId });
      if (seen.has(personId)) return new DomainError('VALIDATION', 'A person can be in one group only', { field: 'groups', personId });
      seen.add(personId);
    }
  }
  if (lists.length > FORUM_LIMITS.maxGroups) return new DomainError('VALIDATION', `At most ${FORUM_LIMITS.maxGroups} groups`, { field: 'groups' });
  return named(lists);
}
