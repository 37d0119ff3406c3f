import { actor, Scenario, SYSTEM, T0 } from './testing/harness';
import { nextDeadline } from './timers';
import { toView } from './view';

/** The socket edge's reports as the system sends them; times in ms after the report. */
const gone = (personId: string, awayAfterMs = 60_000, removeAfterMs = 120_000) =>
  ({ type: 'report-presence', actor: SYSTEM, personId, present: false, awayAfterMs, removeAfterMs }) as const;
const back = (personId: string) => ({ type: 'report-presence', actor: SYSTEM, personId, present: true }) as const;

describe('presence: queue entries of people who left', () => {
  it('marks the entry away after the away time, then drops it after the grace time', () => {
    const s = Scenario.running();
    s.ask('anna');
    s.ask('ben');
    expect(s.run(gone('anna')).map((e) => e.type)).toEqual(['presence-lost']);
    expect(nextDeadline(s.state)).toBe(T0 + 60_000);
    expect(s.advance(59_999).tick()).toEqual([]);
    expect(s.advance(1).tick().map((e) => e.type)).toEqual(['queue-entry-away']);
    expect(toView(s.state, s.now).queue.map((q) => [q.personId, q.away])).toEqual([['anna', true], ['ben', false]]);
    expect(nextDeadline(s.state)).toBe(T0 + 180_000);
    expect(s.advance(120_000).tick()).toEqual([{ type: 'seat-request-withdrawn', at: T0 + 180_000, actor: SYSTEM, personId: 'anna' }]);
    expect(toView(s.state, s.now).queueOrder).toEqual(['ben']);
    expect(s.state.presence.size).toBe(0);
  });

  it('auto mode skips an away entry and invites the next one', () => {
    const s = Scenario.running({ chairCount: 3, auto: true }); // 3 open chairs
    s.ask('a1');
    s.ask('a2');
    s.ask('a3');
    for (const p of ['a1', 'a2', 'a3']) s.run({ type: 'accept', actor: actor(p) });
    s.ask('anna');
    s.ask('ben');
    s.run(gone('anna', 10_000, 50_000));
    s.advance(10_000).tick();
    const events = s.run({ type: 'leave', actor: actor('a1') });
    expect(events.map((e) => [e.type, 'personId' in e ? e.personId : null])).toEqual([
      ['left-chair', 'a1'],
      ['guest-invited', 'ben'],
    ]);
  });

  it('an entry that comes back before the away time is never marked, and keeps its place', () => {
    const s = Scenario.running();
    s.ask('anna');
    s.ask('ben');
    s.run(gone('anna'));
    s.advance(30_000);
    expect(s.run(back('anna')).map((e) => e.type)).toEqual(['presence-returned']);
    expect(s.advance(200_000).tick()).toEqual([]);
    expect(toView(s.state, s.now).queue.map((q) => [q.personId, q.away])).toEqual([['anna', false], ['ben', false]]);
  });

  it('an away entry that returns is waiting again', () => {
    const s = Scenario.running();
    s.ask('anna');
    s.run(gone('anna', 0, 60_000));
    s.tick();
    expect(toView(s.state, s.now).queue[0].away).toBe(true);
    s.advance(5_000).run(back('anna'));
    expect(toView(s.state, s.now).queue[0].away).toBe(false);
    expect(nextDeadline(s.state)).toBeNull();
  });

  it('records nothing for viewers who are neither queued, seated nor fixed, nor for repeated reports', () => {
    const s = Scenario.running();
    expect(s.run(gone('viewer'))).toEqual([]);
    s.ask('anna');
    expect(s.run(back('anna'))).toEqual([]);
    s.run(gone('anna'));
    expect(s.run(gone('anna'))).toEqual([]);
  });

  it('only the system reports presence', () => {
    const s = Scenario.running();
    s.ask('anna');
    expect(s.fail({ ...gone('anna'), actor: actor('mod', 'moderator') }).details).toEqual({ reason: 'SYSTEM_ONLY' });
    expect(s.fail({ ...gone('anna'), awayAfterMs: -1 }).message).toBe('awayAfterMs: must be an integer from 0 to 86400000');
  });
});

describe('presence: chairs', () => {
  const panel = [{ role: 'panelist' as const, personId: 'pia', displayName: 'Pia Panel' }];

  it('a fixed panelist is absent until connected; a seated guest shows as gone but keeps the chair', () => {
    const s = Scenario.running({ chairCount: 3, fixedChairs: panel });
    s.ask('anna');
    s.run({ type: 'invite', personId: 'anna' });
    s.run({ type: 'accept', actor: actor('anna') });
    const connected = () => toView(s.state, s.now).chairs.map((c) => c.occupant && [c.occupant.personId, c.occupant.connected]);
    expect(connected()).toEqual([['pia', false], ['anna', true], null]);
    s.run(back('pia'));
    s.run(gone('anna', 0, 0));
    expect(s.advance(10_000).tick()).toEqual([]);
    expect(connected()).toEqual([['pia', true], ['anna', false], null]);
    s.run(gone('pia'));
    expect(connected()).toEqual([['pia', false], ['anna', false], null]);
  });

  it('a fixed panelist connected before the start stays connected', () => {
    const s = new Scenario({ chairCount: 3, fixedChairs: panel });
    s.run(back('pia'));
    s.run({ type: 'start' });
    expect(toView(s.state, s.now).chairs[0].occupant).toMatchObject({ personId: 'pia', connected: true });
  });
});

describe('substitute for an absent fixed panelist', () => {
  const panel = [{ role: 'panelist' as const, personId: 'pia', displayName: 'Pia Panel' }];
  const seated = (s: Scenario) => s.state.chairs.map((c) => c.occupant?.personId ?? null);

  it('seats a queued person on the absent panelist\'s chair, and hands it back', () => {
    const s = Scenario.running({ chairCount: 3, fixedChairs: panel });
    s.ask('anna', 'hall', 'Wohnen');
    expect(s.run({ type: 'substitute', chairIndex: 0, personId: 'anna' })).toEqual([
      { type: 'substitute-seated', at: T0, actor: expect.objectContaining({ personId: 'mod' }), personId: 'anna', displayName: 'ANNA', chairIndex: 0, replaces: 'pia' },
    ]);
    expect(seated(s)).toEqual(['anna', null, null]);
    expect(toView(s.state, s.now).queueOrder).toEqual([]);
    expect(toView(s.state, s.now).chairs[0].occupant).toMatchObject({ personId: 'anna', connected: true, endsAt: null, topic: 'Wohnen' });
    // A substitute does not leave a fixed chair by themselves.
    expect(s.fail({ type: 'leave', actor: actor('anna') }).details).toEqual({ reason: 'FIXED_CHAIR' });
    s.run(back('pia'));
    s.advance(60_000);
    expect(s.run({ type: 'substitute', chairIndex: 0, personId: 'pia' })).toMatchObject([{ type: 'substitute-seated', personId: 'pia', replaces: 'anna' }]);
    expect(seated(s)).toEqual(['pia', null, null]);
    expect(toView(s.state, s.now).chairs[0].occupant).toMatchObject({ personId: 'pia', connected: true, displayName: 'Pia Panel' });
  });

  it('refuses while the panelist is connected, for someone not queued, and on an open chair', () => {
    const s = Scenario.running({ chairCount: 3, fixedChairs: panel });
    s.ask('anna');
    expect(s.fail({ type: 'substitute', chairIndex: 0, personId: 'ben' }).details).toEqual({ reason: 'NOT_QUEUED', personId: 'ben' });
    expect(s.fail({ type: 'substitute', chairIndex: 1, personId: 'anna' }).message).toBe('chairIndex: must be a fixed chair');
    s.run(back('pia'));
    expect(s.fail({ type: 'substitute', chairIndex: 0, personId: 'anna' }).details).toEqual({ reason: 'SEAT_TAKEN' });
    expect(s.fail({ type: 'substitute', chairIndex: 0, personId: 'pia' }).details).toEqual({ reason: 'ALREADY_SEATED' });
    expect(s.fail({ type: 'substitute', chairIndex: 0, personId: 'anna', actor: actor('anna') }).details).toMatchObject({ reason: 'MODERATORS_ONLY' });
  });
});
