import type { ForumEvent, ForumRecord } from '@podium/contracts';

type Person = ForumRecord['people'][number];
const iso = (ms: number) => new Date(ms).toISOString();

/** The forum's record from its log: attendance, turns and speaking time per person, breakouts, mutes. */
export function buildForumRecord(sessionId: string, events: readonly ForumEvent[]): ForumRecord {
  const people = new Map<string, Person>();
  const breakouts: ForumRecord['breakouts'] = [];
  let mutes = 0;
  const person = (personId: string) => people.get(personId);
  for (const e of events) {
    switch (e.type) {
      case 'entered': {
        const known = person(e.personId);
        if (known) known.lastLeftAt = null;
        else people.set(e.personId, { personId: e.personId, displayName: e.displayName, firstEnteredAt: iso(e.at), lastLeftAt: null, turns: 0, speakingMs: 0, handsRaised: 0, removed: false });
        break;
      }
      case 'left':
      case 'removed': {
        const p = person(e.personId);
        if (p) {
          p.lastLeftAt = iso(e.at);
          if (e.type === 'removed') p.removed = true;
        }
        break;
      }
      case 'hand-raised':
        if (person(e.personId)) person(e.personId)!.handsRaised++;
        break;
      case 'floor-given':
        if (person(e.personId)) person(e.personId)!.turns++;
        break;
      case 'floor-ended':
        if (person(e.personId)) person(e.personId)!.speakingMs += e.spokeMs;
        break;
      case 'muted':
        mutes++;
        break;
      case 'breakouts-opened':
        breakouts.push({ openedAt: iso(e.at), groups: e.groups.length, closedAt: null, reason: null });
        break;
      case 'breakouts-closed': {
        const last = breakouts[breakouts.length - 1];
        if (last) Object.assign(last, { closedAt: iso(e.at), reason: e.reason });
        break;
      }
    }
  }
  return { sessionId, people: [...people.values()], breakouts, mutes };
}
