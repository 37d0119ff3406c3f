import fc from 'fast-check';
import { DomainError, queuePlaceOf } from '@podium/contracts';
import type { FishbowlActor, FishbowlEvent, FishbowlSettings } from '@podium/contracts';
import type { FishbowlCommand } from './commands';
import { SYSTEM_ACTOR } from './commands';
import { decide } from './decide';
import { evolve, fold } from './evolve';
import { invariantViolations } from './invariants';
import { rotationSuggestion } from './policies';
import { freeOpenChairs, openChairs } from './queries';
import { buildRecord } from './record';
import { initialState } from './state';
import type { FishbowlState } from './state';
import { actor, T0 } from './testing/harness';
import { nextDeadline } from './timers';
import { toView } from './view';

// ---------------------------------------------------------------- generators

const ATTENDEES = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id, i) => actor(id, i % 3 === 0 ? 'guest' : 'attendee'));
const FIXED = [actor('f0', 'moderator'), actor('f1', 'interpreter')];
const MODERATORS = [actor('m1', 'moderator'), actor('m2', 'organiser')];
const EVERYONE = [...ATTENDEES, ...FIXED, ...MODERATORS, SYSTEM_ACTOR];
const PERSON_IDS = EVERYONE.map((a) => a.personId);
const CODES = ['FORBIDDEN', 'CONFLICT', 'NOT_FOUND', 'VALIDATION', 'STALE_VERSION'];

const settingsArb: fc.Arbitrary<FishbowlSettings> = fc
  .record({
    mode: fc.constantFrom('open', 'closed'),
    chairCount: fc.integer({ min: 2, max: 5 }),
    fixed: fc.integer({ min: 0, max: 2 }),
    queuePolicy: fc.constantFrom('fifo', 'first-time-first', 'least-speaking-time'),
    rotationPolicy: fc.constantFrom('longest-seated', 'most-speaking-time'),
    auto: fc.boolean(),
    invitationTimeoutMs: fc.integer({ min: 5_000, max: 40_000 }),
    seatTimeLimitMs: fc.option(fc.integer({ min: 20_000, max: 200_000 }), { nil: null }),
    warningBeforeMs: fc.integer({ min: 0, max: 15_000 }),
    roundLengthMs: fc.integer({ min: 30_000, max: 200_000 }),
    rotationGraceMs: fc.integer({ min: 0, max: 60_000 }),
    speakingMeasure: fc.constantFrom('seated', 'reported'),
  } as const)
  .map(({ fixed, ...s }) => ({
    ...s,
    fixedChairs: FIXED.slice(0, Math.min(fixed, s.chairCount - 1)).map((a, i) => ({ role: i === 0 ? ('moderator' as const) : ('interpreter' as const), personId: a.personId, displayName: a.displayName })),
  }));

type VersionMode = 'current' | 'stale' | 'none';
interface Step {
  advanceMs: number;
  kind: FishbowlCommand['type'];
  who: FishbowlActor;
  target: string;
  where: 'hall' | 'remote';
  topic: string | undefined;
  toIndex: number;
  chairIndex: number | undefined;
  speaking: boolean;
  version: VersionMode;
  staleBy: number;
  /** Mostly the actor the command is meant for (moderator, invitee, seated guest); sometimes anyone. */
  rightActor: boolean;
  pick: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  advanceMs: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 90_000 }) }),
  kind: fc.oneof(
    { weight: 60, arbitrary: fc.constant('ask' as const) },
    { weight: 50, arbitrary: fc.constant('accept' as const) },
    { weight: 40, arbitrary: fc.constant('invite' as const) },
    { weight: 40, arbitrary: fc.constantFrom('tick' as const, 'leave' as const) },
    {
      weight: 100,
      arbitrary: fc.constantFrom(
        'withdraw' as const, 'decline' as const, 'remove' as const, 'move' as const, 'confirm-rotation' as const,
        'cancel-invitation' as const, 'report-speaking' as const, 'end-round' as const, 'start' as const, 'configure' as const,
      ),
    },
    { weight: 2, arbitrary: fc.constant('end' as const) },
    { weight: 30, arbitrary: fc.constant('report-presence' as const) },
    { weight: 10, arbitrary: fc.constant('substitute' as const) },
  ),
  who: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ATTENDEES) }, { weight: 2, arbitrary: fc.constantFrom(...MODERATORS, SYSTEM_ACTOR, ...FIXED) }),
  target: fc.constantFrom(...PERSON_IDS),
  where: fc.constantFrom('hall', 'remote'),
  topic: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  toIndex: fc.integer({ min: -1, max: 8 }),
  chairIndex: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined, freq: 4 }),
  speaking: fc.boolean(),
  version: fc.constantFrom<VersionMode>('current', 'current', 'current', 'stale', 'none'),
  staleBy: fc.integer({ min: 1, max: 3 }),
  rightActor: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(),
});

const MODERATION = ['substitute', 'invite', 'remove', 'move', 'confirm-rotation', 'cancel-invitation', 'report-speaking', 'end-round', 'start', 'configure', 'end'];

/** The actor a well-behaved client would send for this step. */
function rightActor(step: Step, state: FishbowlState): FishbowlActor {
  const from = <T>(list: readonly T[], fallback: T) => (list.length ? list[step.pick % list.length] : fallback);
  if (MODERATION.includes(step.kind)) return from(MODERATORS, MODERATORS[0]);
  const byId = (id: string) => ATTENDEES.find((a) => a.personId === id) ?? actor(id);
  const seatedGuests = state.chairs.filter((c) => c.kind === 'open' && c.occupant).map((c) => byId(c.occupant!.personId));
  switch (step.kind) {
    case 'accept':
    case 'decline':
      return from(state.invitations.map((i) => byId(i.personId)), step.who);
    case 'leave':
      return from(seatedGuests, step.who);
    case 'withdraw':
      return from(state.queue.map((q) => byId(q.personId)), step.who);
    case 'ask':
      return from(ATTENDEES, step.who);
    default:
      return step.who;
  }
}

/** A configure step changes a setting that may be changed while running. */
const configurePatch = (step: Step): Partial<FishbowlSettings> =>
  [{ auto: step.speaking }, { queuePolicy: 'first-time-first' as const }, { queuePolicy: 'least-speaking-time' as const }, { rotationPolicy: 'most-speaking-time' as const }, { seatTimeLimitMs: null }][step.toIndex + 1] ?? { auto: !step.speaking };

function toCommand(step: Step, state: FishbowlState): FishbowlCommand {
  const expectedVersion = step.version === 'current' ? state.version : step.version === 'stale' ? Math.max(0, state.version - step.staleBy) : undefined;
  const who = step.rightActor ? rightActor(step, state) : step.who;
  const selfService = !MODERATION.includes(step.kind);
  const base = { actor: who, expectedVersion: selfService && step.version === 'current' && step.rightActor ? undefined : expectedVersion };
  const seated = state.chairs.filter((c) => c.kind === 'open' && c.occupant).map((c) => c.occupant!.personId);
  const target = step.rightActor && seated.length && (step.kind === 'remove' || step.kind === 'report-speaking') ? seated[step.pick % seated.length] : step.target;
  switch (step.kind) {
    case 'ask':
      return { ...base, type: 'ask', where: step.where, topic: step.topic };
    case 'withdraw':
      return { ...base, type: 'withdraw', personId: step.speaking && !step.rightActor ? step.target : undefined };
    case 'move':
      return { ...base, type: 'move', personId: step.target, toIndex: step.toIndex };
    case 'invite':
      return { ...base, type: 'invite', personId: state.queue.find((q) => !state.invitations.some((i) => i.personId === q.personId))?.personId ?? step.target, chairIndex: step.chairIndex };
    case 'accept':
      return { ...base, type: 'accept' };
    case 'remove':
      return { ...base, type: 'remove', personId: target };
    case 'cancel-invitation':
      return { ...base, type: step.kind, personId: state.invitations[0]?.personId ?? step.target };
    case 'report-speaking':
      return { ...base, type: 'report-speaking', personId: target, speaking: step.speaking };
    case 'configure':
      return { ...base, type: 'configure', settings: configurePatch(step) };
    case 'confirm-rotation':
      return { ...base, type: 'confirm-rotation', personId: step.speaking && !step.rightActor ? step.target : undefined };
    case 'tick':
      return { ...base, type: 'tick', actor: SYSTEM_ACTOR };
    case 'substitute': {
      // Mostly a fixed chair and someone queued (or the panelist, handing back).
      const queued = state.queue.map((q) => q.personId);
      const fixed = state.settings.fixedChairs.map((f) => f.personId);
      const pool = step.speaking ? fixed : queued;
      const personId = step.rightActor && pool.length ? pool[step.pick % pool.length] : step.target;
      return { ...base, type: 'substitute', chairIndex: step.chairIndex ?? step.pick % Math.max(1, fixed.length), personId };
    }
    case 'report-presence': {
      // Mostly someone queued or seated, reported gone or back by the edge (the system).
      const tracked = [...state.queue.map((q) => q.personId), ...state.chairs.flatMap((c) => (c.occupant ? [c.occupant.personId] : []))];
      const personId = step.rightActor && tracked.length ? tracked[step.pick % tracked.length] : step.target;
      const reporter = step.rightActor ? SYSTEM_ACTOR : step.who;
      return { ...base, type: 'report-presence', actor: reporter, personId, present: step.speaking, awayAfterMs: step.staleBy * 5_000, removeAfterMs: step.toIndex * 10_000 };
    }
    default:
      return { ...base, type: step.kind } as FishbowlCommand;
  }
}

// ---------------------------------------------------------------- the model run

interface Run {
  state: FishbowlState;
  log: FishbowlEvent[];
  now: number;
}

/** The state without its bookkeeping, to see whether an event changed anything. */
const core = ({ version, lastEventAt, scopes, ...rest }: FishbowlState) => rest;

/** Applies a command the way the edge would; checks what must hold for every outcome. */
function apply(run: Run, command: FishbowlCommand): FishbowlEvent[] | DomainError {
  const before = run.state;
  const snapshot = JSON.stringify(toView(before, run.now));
  const result = decide(before, command, run.now);
  expect(JSON.stringify(toView(before, run.now))).toBe(snapshot); // decide never mutates
  expect(decide(before, command, run.now)).toEqual(result); // and is deterministic
  if (result instanceof DomainError) {
    expect(CODES).toContain(result.code);
    return result;
  }
  for (const event of result) {
    expect(event.at).toBe(Math.max(run.now, before.lastEventAt));
    const was = run.state;
    if (event.type === 'left-chair' && event.reason === 'rotation' && event.actor.role === 'system') {
      const since = was.chairs[event.chairIndex].occupant!.since;
      expect(event.at - since).toBeGreaterThanOrEqual(was.settings.rotationGraceMs); // auto mode waits for the grace
    }
    run.state = evolve(run.state, event);
    expect(core(run.state)).not.toEqual(core(was)); // decide and evolve agree: every decided event has an effect
    if (event.type === 'left-chair' && event.reason !== 'ended') expect(before.chairs[event.chairIndex].kind).toBe('open'); // fixed chairs never rotate
  }
  expect(run.state.version).toBe(before.version + result.length);
  expect(invariantViolations(run.state)).toEqual([]); // a command's events are applied together
  run.log.push(...result);
  return result;
}

/** The edge's single timer: tick at every deadline up to `until`; the deadline must be exact. */
function runTimersUntil(run: Run, until: number): void {
  for (let guard = 0; guard < 1000; guard++) {
    const deadline = nextDeadline(run.state);
    if (deadline === null || deadline > until) break;
    if (deadline - 1 >= run.state.lastEventAt) expect(decide(run.state, { type: 'tick', actor: SYSTEM_ACTOR }, deadline - 1)).toEqual([]);
    run.now = Math.max(run.now, deadline);
    const events = apply(run, { type: 'tick', actor: SYSTEM_ACTOR });
    expect(Array.isArray(events) && events.length).toBeGreaterThan(0);
  }
  run.now = Math.max(run.now, until);
}

function checkOpenModeKeepsAChairFree(run: Run, command: FishbowlCommand, result: FishbowlEvent[] | DomainError): void {
  const s = run.state;
  if (s.status !== 'running' || s.settings.mode !== 'open') return;
  if (command.type === 'confirm-rotation' && !(result instanceof DomainError)) {
    expect(openChairs(s).some((c) => !c.occupant)).toBe(true);
  }
  // people marked away wait without anyone rotating out for them (they may never come back)
  const someonePresentWaits = s.queue.some((e) => s.presence.get(e.personId)?.away !== true);
  if (s.settings.auto && someonePresentWaits && freeOpenChairs(s).length === 0 && openChairs(s).every((c) => c.occupant)) {
    // every open chair is taken while someone waits: only allowed until the rotation falls due
    const suggestion = rotationSuggestion(s, run.now);
    expect(suggestion).not.toBeNull();
    expect(suggestion!.dueAt).toBeGreaterThan(run.now);
  }
}

function checkViewAndRecord(run: Run): void {
  const view = toView(run.state, run.now);
  expect(view.version).toBe(run.log.length);
  expect(view.queue.map((q) => q.position)).toEqual(view.queue.map((_, i) => i + 1));
  expect(view.queue.every((q) => q.expectedWaitMs >= 0)).toBe(true);
  expect(view.queueOrder).toEqual(view.queue.map((q) => q.personId));
  // The browser's own computation of a place agrees with the server's entry, in every reachable state.
  for (const q of view.queue) expect(queuePlaceOf(view, q.personId)).toEqual({ position: q.position, invited: q.invited, expectedWaitMs: q.expectedWaitMs, entry: q });
  expect(view.chairs.filter((c) => c.occupant).length).toBeLessThanOrEqual(view.settings.chairCount);
  const record = buildRecord(run.state.sessionId, run.log, { until: run.state.lastEventAt });
  for (const p of record.people) {
    const stats = run.state.people.get(p.personId);
    const current = run.state.chairs.find((c) => c.occupant?.personId === p.personId)?.occupant;
    const expected = (stats?.seatedMs ?? 0) + (current ? run.state.lastEventAt - current.since : 0);
    expect(p.totalSeatedMs).toBe(expected);
  }
}

describe('fishbowl properties over random command sequences', () => {
  it('invariants hold after every step, the log folds back to the state, timers are exact', () => {
    fc.assert(
      fc.property(settingsArb, fc.integer({ min: 0, max: 4 }).map((n) => n > 0), fc.array(stepArb, { minLength: 10, maxLength: 80 }), (settings, startEarly, steps) => {
        const run: Run = { state: initialState('s'), log: [], now: T0 };
        apply(run, { type: 'configure', actor: MODERATORS[0], expectedVersion: 0, settings });
        if (startEarly) apply(run, { type: 'start', actor: MODERATORS[0], expectedVersion: run.state.version });
        for (const step of steps) {
          runTimersUntil(run, run.now + step.advanceMs);
          const command = toCommand(step, run.state);
          const result = apply(run, command);
          checkOpenModeKeepsAChairFree(run, command, result);
        }
        expect(fold(initialState('s'), run.log)).toEqual(run.state);
        checkViewAndRecord(run);
      }),
      { numRuns: 400 },
    );
  });

  it('an open fishbowl keeps a chair free: busy queue, well-behaved clients, manual and auto rotation', () => {
    const openSettings = settingsArb.map((x) => ({ ...x, mode: 'open' as const, seatTimeLimitMs: null }));
    const busyStep = fc.record({
      step: stepArb,
      kind: fc.constantFrom('ask' as const, 'ask' as const, 'invite' as const, 'accept' as const, 'accept' as const, 'confirm-rotation' as const, 'tick' as const, 'report-speaking' as const, 'leave' as const),
    }).map(({ step, kind }) => ({ ...step, kind, rightActor: true, version: 'current' as const, chairIndex: undefined, advanceMs: step.advanceMs % 20_000 }));
    let rotations = 0;
    fc.assert(
      fc.property(openSettings, fc.array(busyStep, { minLength: 20, maxLength: 80 }), (settings, steps) => {
        const run: Run = { state: initialState('s'), log: [], now: T0 };
        apply(run, { type: 'configure', actor: MODERATORS[0], expectedVersion: 0, settings });
        apply(run, { type: 'start', actor: MODERATORS[0], expectedVersion: run.state.version });
        for (const step of steps) {
          runTimersUntil(run, run.now + step.advanceMs);
          const command = toCommand(step, run.state);
          const result = apply(run, command);
          checkOpenModeKeepsAChairFree(run, command, result);
        }
        rotations += run.log.filter((e) => e.type === 'left-chair' && e.reason === 'rotation').length;
        expect(fold(initialState('s'), run.log)).toEqual(run.state);
        checkViewAndRecord(run);
      }),
      { numRuns: 300 },
    );
    expect(rotations).toBeGreaterThan(50); // the generator really reaches full circles
  });

  it('two moderators acting on the chairs from the same version: at most one wins', () => {
    fc.assert(
      fc.property(settingsArb, fc.array(stepArb, { maxLength: 40 }), fc.array(fc.constantFrom('invite', 'remove', 'confirm-rotation', 'cancel-invitation', 'end-round'), { minLength: 2, maxLength: 2 }), fc.constantFrom(...PERSON_IDS), fc.constantFrom(...PERSON_IDS), (settings, steps, kinds, t1, t2) => {
        const run: Run = { state: initialState('s'), log: [], now: T0 };
        apply(run, { type: 'configure', actor: MODERATORS[0], expectedVersion: 0, settings: { ...settings, auto: false } });
        apply(run, { type: 'start', actor: MODERATORS[0], expectedVersion: run.state.version });
        for (const step of steps) {
          runTimersUntil(run, run.now + step.advanceMs);
          apply(run, toCommand(step, run.state));
        }
        const seen = run.state.version;
        const make = (kind: string, who: FishbowlActor, target: string) => ({ type: kind, actor: who, personId: target, expectedVersion: seen }) as FishbowlCommand;
        const first = apply(run, make(kinds[0], MODERATORS[0], t1));
        const second = apply(run, make(kinds[1], MODERATORS[1], t2));
        const changedSeats = !(first instanceof DomainError) && first.length > 0;
        if (changedSeats) expect(second).toBeInstanceOf(DomainError);
      }),
      { numRuns: 300 },
    );
  });

  it('asking and withdrawing never fail because of other people asking at the same time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ATTENDEES), fc.boolean()), { maxLength: 80 }), (moves) => {
        let state = initialState('s');
        const seen = new Set<string>();
        for (const [who, asks] of moves) {
          const command: FishbowlCommand = asks ? { type: 'ask', actor: who, where: 'remote' } : { type: 'withdraw', actor: who };
          const result = decide(state, command, T0);
          const expectedOk = asks ? !seen.has(who.personId) : seen.has(who.personId);
          expect(!(result instanceof DomainError)).toBe(expectedOk);
          if (result instanceof DomainError) continue;
          state = result.reduce(evolve, state);
          if (asks) seen.add(who.personId);
          else seen.delete(who.personId);
        }
        expect(new Set(state.queue.map((q) => q.personId))).toEqual(seen);
      }),
      { numRuns: 200 },
    );
  });
});
