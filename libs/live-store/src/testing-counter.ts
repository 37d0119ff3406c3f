import { DomainError } from '@podium/contracts';
import type { Aggregate, LiveEvent } from './aggregate';

/** A tiny aggregate for the specs: a counter that refuses to go below zero and closes at a deadline. */
export interface CounterState {
  id: string;
  version: number;
  value: number;
  closesAt: number | null;
}
export type CounterEvent = LiveEvent & ({ type: 'added'; by: number } | { type: 'closes'; at2: number } | { type: 'closed' });
export type CounterCommand = { type: 'add'; by: number } | { type: 'close-at'; at: number } | { type: 'tick' };

export const COUNTER: Aggregate<CounterState, CounterCommand, CounterEvent> = {
  initial: (id) => ({ id, version: 0, value: 0, closesAt: null }),
  decide: (state, command, now) => {
    if (command.type === 'add') {
      if (state.value + command.by < 0) return new DomainError('CONFLICT', 'below zero');
      return [{ type: 'added', by: command.by, at: now, actor: 'me' }];
    }
    if (command.type === 'close-at') return [{ type: 'closes', at2: command.at, at: now, actor: 'me' }];
    return state.closesAt !== null && state.closesAt <= now ? [{ type: 'closed', at: now, actor: 'system' }] : [];
  },
  evolve: (state, event) => {
    const next = { ...state, version: state.version + 1 };
    if (event.type === 'added') next.value += event.by;
    if (event.type === 'closes') next.closesAt = event.at2;
    if (event.type === 'closed') next.closesAt = null;
    return next;
  },
  summary: (state) => ({ status: state.closesAt === null ? 'open' : 'closing', nextDeadline: state.closesAt }),
};
