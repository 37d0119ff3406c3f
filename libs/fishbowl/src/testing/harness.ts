import { DomainError } from '@podium/contracts';
import type { FishbowlActor, FishbowlActorRole, FishbowlEvent, FishbowlSettings } from '@podium/contracts';
import type { FishbowlCommand } from '../commands';
import { SYSTEM_ACTOR } from '../commands';
import { decide } from '../decide';
import { evolve } from '../evolve';
import { DEFAULT_SETTINGS } from '../settings';
import { initialState } from '../state';
import type { FishbowlState } from '../state';
import { versionScopeOf } from '../versioning';

/** Test and demo helpers: actors and a scenario that keeps state, log and clock together. */

export const actor = (personId: string, role: FishbowlActorRole = 'attendee', displayName = personId.toUpperCase()): FishbowlActor => ({
  personId,
  displayName,
  role,
});

export const MODERATOR = actor('mod', 'moderator', 'Mona Moderator');
export const SYSTEM = SYSTEM_ACTOR;

/** A command without the actor (the scenario adds it); expectedVersion is filled in when the command needs one. */
type Draft = FishbowlCommand extends infer C ? (C extends FishbowlCommand ? Omit<C, 'actor'> & { actor?: FishbowlActor } : never) : never;

export const T0 = Date.UTC(2020, 8, 21, 8, 0, 0);

export class Scenario {
  state: FishbowlState;
  log: FishbowlEvent[] = [];
  now = T0;

  constructor(settings: Partial<FishbowlSettings> = {}, sessionId = 'session-1') {
    this.state = initialState(sessionId);
    if (Object.keys(settings).length) this.run({ type: 'configure', settings });
  }

  /** A running fishbowl with the given settings. */
  static running(settings: Partial<FishbowlSettings> = {}): Scenario {
    const s = new Scenario({ ...settings });
    s.run({ type: 'start' });
    return s;
  }

  /** Runs a command that must succeed; returns its events. */
  run(draft: Draft): FishbowlEvent[] {
    const result = this.attempt(draft);
    if (result instanceof DomainError) throw new Error(`${draft.type} failed: ${result.code} ${result.message} ${JSON.stringify(result.details)}`);
    return result;
  }

  /** Runs a command that must fail; returns the error. */
  fail(draft: Draft): DomainError {
    const result = this.attempt(draft);
    if (!(result instanceof DomainError)) throw new Error(`${draft.type} unexpectedly succeeded: ${result.map((e) => e.type).join(', ')}`);
    return result;
  }

  attempt(draft: Draft): FishbowlEvent[] | DomainError {
    const command = { actor: MODERATOR, ...draft } as FishbowlCommand;
    if (command.expectedVersion === undefined && versionScopeOf(command.type)) command.expectedVersion = this.state.version;
    const result = decide(this.state, command, this.now);
    if (result instanceof DomainError) return result;
    for (const e of result) this.state = evolve(this.state, e);
    this.log.push(...result);
    return result;
  }

  advance(ms: number): this {
    this.now += ms;
    return this;
  }

  tick(): FishbowlEvent[] {
    return this.run({ type: 'tick', actor: SYSTEM });
  }

  ask(personId: string, where: 'hall' | 'remote' = 'remote', topic?: string): FishbowlEvent[] {
    return this.run({ type: 'ask', actor: actor(personId), where, topic });
  }

  /** Invite + accept: puts a queued person on a chair. */
  seat(personId: string): FishbowlEvent[] {
    this.run({ type: 'invite', personId });
    return this.run({ type: 'accept', actor: actor(personId) });
  }

  queueIds(): string[] {
    return this.state.queue.map((e) => e.personId);
  }

  seatedIds(): (string | null)[] {
    return this.state.chairs.map((c) => c.occupant?.personId ?? null);
  }

  types(events: FishbowlEvent[]): string[] {
    return events.map((e) => e.type);
  }
}

export const settingsWith = (overrides: Partial<FishbowlSettings>): FishbowlSettings => ({ ...DEFAULT_SETTINGS, ...overrides });
