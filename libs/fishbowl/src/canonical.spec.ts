import type { FishbowlSettings } from '@podium/contracts';
import { canonical } from './canonical';
import type { FishbowlState } from './state';
import { actor, Scenario, T0 } from './testing/harness';
import { toView } from './view';

/** The same object with its keys in reverse order, as jsonb (shortest key first) may hand it back. */
const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;

describe('canonical', () => {
  it('sorts keys at every depth, keeps array order and drops undefined members', () => {
    const text = JSON.stringify(canonical({ b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: undefined, b: null } }));
    expect(text).toBe('{"a":{"b":null,"d":[{"y":2,"z":1},3]},"b":1}');
  });
});

describe('toView is canonical', () => {
  // T0 is 2020-09-21T08:00:00Z = 1600675200000.
  const expected =
    '{"averageSeatMs":180000,' +
    '"chairs":[' +
    '{"fixedRole":"interpreter","heldFor":null,"index":0,"kind":"fixed","occupant":{"connected":false,"displayName":"Dana","endsAt":null,"guest":false,"personId":"dgs","seatedSince":1600675200000,"speaking":false,"timeLeftMs":null,"topic":null,"warning":false,"where":null}},' +
    '{"fixedRole":null,"heldFor":null,"index":1,"kind":"open","occupant":null},' +
    '{"fixedRole":null,"heldFor":null,"index":2,"kind":"open","occupant":null}],' +
    '"fullQueue":true,"invitations":[],"nextDeadline":null,"now":1600675205000,' +
    '"queue":[{"askedAt":1600675200000,"away":false,"displayName":"ANNA","expectedWaitMs":0,"firstTime":true,"guest":false,"invited":false,"personId":"anna","position":1,"topic":"Wohnen","where":"hall"}],' +
    '"queueLength":1,"queueOrder":["anna"],"rotation":null,"round":null,"sessionId":"session-1",' +
    '"settings":{"auto":false,"chairCount":3,"fixedChairs":[{"displayName":"Dana","personId":"dgs","role":"interpreter"}],"invitationTimeoutMs":30000,"mode":"open","queuePolicy":"fifo",' +
    '"rotationGraceMs":60000,"rotationPolicy":"longest-seated","roundLengthMs":600000,"seatTimeLimitMs":180000,"speakingMeasure":"seated","warningBeforeMs":30000},' +
    '"status":"running","version":3}';

  function scenario(): FishbowlState {
    const s = Scenario.running({ chairCount: 3, fixedChairs: [{ role: 'interpreter', personId: 'dgs', displayName: 'Dana' }] });
    s.ask('anna', 'hall', 'Wohnen');
    return s.state;
  }

  it('gives the same JSON text whatever order the settings keys came in (e.g. from the database after a restart)', () => {
    const state = scenario();
    const settings = state.settings;
    const fromDatabase: FishbowlState = {
      ...state,
      settings: reversed({ ...settings, fixedChairs: settings.fixedChairs.map((f) => reversed(f)) }) as FishbowlSettings,
    };
    expect(Object.keys(fromDatabase.settings)[0]).not.toBe(Object.keys(state.settings)[0]);
    expect(JSON.stringify(toView(state, T0 + 5000))).toBe(expected);
    expect(JSON.stringify(toView(fromDatabase, T0 + 5000))).toBe(expected);
  });

  /** Every object's keys, at every depth, in sorted order: the rule, checked without the product's own function. */
  function unsortedPaths(value: unknown, path = 'view'): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => unsortedPaths(v, `${path}[${i}]`));
    if (value === null || typeof value !== 'object') return [];
    const keys = Object.keys(value);
    const own = keys.join() === [...keys].sort().join() ? [] : [path];
    return [...own, ...keys.flatMap((k) => unsortedPaths((value as Record<string, unknown>)[k], `${path}.${k}`))];
  }

  it('sorts the keys of invitations, holds, occupants, the round and the rotation too, whatever order their events had', () => {
    // Open mode, every open chair taken and someone waiting: a rotation suggestion; anna speaking.
    const open = Scenario.running({ chairCount: 3 });
    for (const id of ['anna', 'ben', 'cem', 'dora']) open.ask(id, 'hall', `Thema ${id}`);
    for (const id of ['anna', 'ben', 'cem']) open.seat(id);
    open.run({ type: 'report-speaking', personId: 'anna', speaking: true });
    open.advance(120_000);
    // Closed mode: a round, and an invitation holding a chair.
    const closed = Scenario.running({ mode: 'closed', chairCount: 3, roundLengthMs: 600_000 });
    closed.ask('eva', 'remote', 'Verkehr');
    closed.run({ type: 'invite', personId: 'eva', actor: actor('mod', 'moderator') });
    expect(toView(open.state, T0 + 130_000).rotation).not.toBeNull();
    expect(toView(closed.state, T0 + 1000)).toMatchObject({ invitations: [{ personId: 'eva' }], round: { number: 1 } });
    for (const [state, at] of [[open.state, T0 + 130_000], [closed.state, T0 + 1000]] as const) {
      const shuffled: FishbowlState = {
        ...state,
        invitations: state.invitations.map((i) => reversed(i)),
        round: state.round && reversed(state.round),
      };
      for (const s of [state, shuffled]) expect(unsortedPaths(toView(s, at, { fullQueue: true }))).toEqual([]);
    }
  });
});
