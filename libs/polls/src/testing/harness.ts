import { DomainError } from '@podium/contracts';
import { decide } from '../decide';
import { evolve } from '../evolve';
import { initialState } from '../state';
import type { Actor, PollCommand, PollEvent, PollsState } from '../types';

export const person = (personId: string, role: Actor['role'] = 'attendee', displayName = personId.toUpperCase()): Actor => ({ personId, displayName, role });
export const MOD = person('mod', 'moderator', 'Mona Moderator');
export const T0 = Date.UTC(2020, 8, 21, 10, 0, 0);

type Draft = PollCommand extends infer C ? (C extends PollCommand ? Omit<C, 'actor'> : never) : never;

/** A session's polls with its log and clock, for tests. */
export class Polls {
  state: PollsState = initialState('s1');
  log: PollEvent[] = [];
  now = T0;
  run(actor: Actor, draft: Draft): PollEvent[] | DomainError {
    const events = decide(this.state, { ...draft, actor } as PollCommand, this.now);
    if (events instanceof DomainError) return events;
    this.log.push(...events);
    this.state = events.reduce(evolve, this.state);
    return events;
  }
  ok(actor: Actor, draft: Draft): PollEvent[] {
    const r = this.run(actor, draft);
    if (r instanceof DomainError) throw new Error(`${draft.type} refused: ${r.code} ${r.message}`);
    return r;
  }
  vote(actor: Actor, pollId: string, choices: string[], origin: 'hall' | 'remote' = 'remote'): PollEvent[] | DomainError {
    return this.run(actor, { type: 'vote', pollId, choices, origin });
  }
  advance(ms: number): void {
    this.now += ms;
  }
}

export const YES_NO = [
  { id: 'ja', label: 'Ja' },
  { id: 'nein', label: 'Nein' },
  { id: 'enth', label: 'Enthaltung' },
];

export const refusal = (r: unknown): string => (r instanceof DomainError ? `${r.code}:${String(r.details?.rule ?? r.details?.reason ?? r.details?.field ?? '')}` : 'accepted');
