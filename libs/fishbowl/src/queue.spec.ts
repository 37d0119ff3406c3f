import { actor, MODERATOR, Scenario, T0 } from './testing/harness';
import { expectedWaits } from './wait';

describe('asking for a seat', () => {
  it('queues the caller with location and a trimmed one-line topic', () => {
    const s = new Scenario();
    const [event] = s.ask('anna', 'hall', '  Kommunale\n  Integrationsräte  ');
    expect(event).toMatchObject({ type: 'seat-requested', personId: 'anna', displayName: 'ANNA', where: 'hall', topic: 'Kommunale Integrationsräte', at: T0 });
    expect(s.state.queue[0]).toMatchObject({ personId: 'anna', where: 'hall', topic: 'Kommunale Integrationsräte', askedAt: T0 });
  });

  it('treats an empty topic as none', () => {
    const s = new Scenario();
    s.ask('anna', 'remote', '   ');
    expect(s.state.queue[0].topic).toBeNull();
  });

  it('bounds the topic at 140 characters (counted as characters, not UTF-16 units)', () => {
    const s = new Scenario();
    s.ask('anna', 'remote', '🙂'.repeat(140));
    const error = s.fail({ type: 'ask', actor: actor('ben'), where: 'remote', topic: 'x'.repeat(141) });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { field: 'topic', max: 140 } });
  });

  it('refuses an unknown location', () => {
    expect(new Scenario().fail({ type: 'ask', actor: actor('anna'), where: 'moon' as never }).details).toMatchObject({ field: 'where' });
  });

  it('allows one entry per person', () => {
    const s = new Scenario();
    s.ask('anna');
    expect(s.fail({ type: 'ask', actor: actor('anna'), where: 'hall' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'ALREADY_QUEUED' } });
  });

  it('refuses people already on a chair, fixed or open', () => {
    const s = Scenario.running({ fixedChairs: [{ role: 'panelist', personId: 'pia', displayName: 'Pia' }] });
    s.ask('anna');
    s.seat('anna');
    expect(s.fail({ type: 'ask', actor: actor('anna'), where: 'hall' }).details).toMatchObject({ reason: 'ALREADY_SEATED' });
    expect(s.fail({ type: 'ask', actor: actor('pia', 'speaker'), where: 'hall' }).details).toMatchObject({ reason: 'FIXED_CHAIR' });
  });

  it('serves hall and remote in one queue', () => {
    const s = new Scenario();
    s.ask('anna', 'hall');
    s.ask('ben', 'remote');
    s.ask('cem', 'hall');
    expect(s.queueIds()).toEqual(['anna', 'ben', 'cem']);
  });
});

describe('withdrawing', () => {
  it('removes the own entry at any time', () => {
    const s = new Scenario();
    s.ask('anna');
    s.ask('ben');
    s.run({ type: 'withdraw', actor: actor('anna') });
    expect(s.queueIds()).toEqual(['ben']);
  });

  it("refuses withdrawing someone else's request unless moderating", () => {
    const s = new Scenario();
    s.ask('anna');
    expect(s.fail({ type: 'withdraw', actor: actor('ben'), personId: 'anna' }).code).toBe('FORBIDDEN');
    s.run({ type: 'withdraw', actor: MODERATOR, personId: 'anna' });
    expect(s.queueIds()).toEqual([]);
  });

  it('is NOT_FOUND without an entry', () => {
    expect(new Scenario().fail({ type: 'withdraw', actor: actor('anna') })).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'NOT_QUEUED' } });
  });

  it('gives back the chair an invitation was holding', () => {
    const s = Scenario.running({ chairCount: 2 });
    s.ask('anna');
    s.run({ type: 'invite', personId: 'anna' });
    s.run({ type: 'withdraw', actor: actor('anna') });
    expect(s.state.invitations).toEqual([]);
  });
});

describe('queue order policies', () => {
  /** Anna and Ben have sat before (Anna 2 min, Ben 1 min); then Cem, Anna, Dora, Ben ask again. */
  function withHistory(queuePolicy: 'fifo' | 'first-time-first' | 'least-speaking-time') {
    const s = Scenario.running({ queuePolicy, chairCount: 3 });
    s.ask('anna');
    s.ask('ben');
    s.seat('anna');
    s.seat('ben');
    s.advance(60_000).run({ type: 'leave', actor: actor('ben') });
    s.advance(60_000).run({ type: 'leave', actor: actor('anna') });
    for (const id of ['cem', 'anna', 'dora', 'ben']) s.advance(1000).ask(id);
    return s;
  }

  it('fifo: first come, first served', () => {
    expect(withHistory('fifo').queueIds()).toEqual(['cem', 'anna', 'dora', 'ben']);
  });

  it('first-time-first: people who never sat go first, fifo within', () => {
    expect(withHistory('first-time-first').queueIds()).toEqual(['cem', 'dora', 'anna', 'ben']);
  });

  it('least-speaking-time: least total time first, fifo within', () => {
    expect(withHistory('least-speaking-time').queueIds()).toEqual(['cem', 'dora', 'ben', 'anna']);
  });

  it('least-speaking-time uses reported speaking time when that is the measure', () => {
    const s = Scenario.running({ queuePolicy: 'least-speaking-time', speakingMeasure: 'reported', chairCount: 3 });
    s.ask('anna');
    s.ask('ben');
    s.seat('anna');
    s.seat('ben');
    s.run({ type: 'report-speaking', actor: MODERATOR, personId: 'ben', speaking: true });
    s.advance(30_000).run({ type: 'report-speaking', actor: MODERATOR, personId: 'ben', speaking: false });
    s.advance(60_000);
    s.run({ type: 'leave', actor: actor('anna') });
    s.run({ type: 'leave', actor: actor('ben') });
    s.ask('ben');
    s.ask('anna');
    // Anna sat as long as Ben but never spoke.
    expect(s.queueIds()).toEqual(['anna', 'ben']);
  });

  it('re-sorts the queue stably when the policy changes', () => {
    const s = withHistory('fifo');
    s.run({ type: 'configure', settings: { queuePolicy: 'first-time-first' } });
    expect(s.queueIds()).toEqual(['cem', 'dora', 'anna', 'ben']);
  });
});

describe('moving an entry', () => {
  it('puts the entry at the index, the others keep their order', () => {
    const s = new Scenario();
    for (const id of ['a', 'b', 'c', 'd']) s.ask(id);
    s.run({ type: 'move', personId: 'd', toIndex: 0 });
    expect(s.queueIds()).toEqual(['d', 'a', 'b', 'c']);
    s.run({ type: 'move', personId: 'd', toIndex: 3 });
    expect(s.queueIds()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a manual move when newcomers arrive under a policy', () => {
    const s = Scenario.running({ queuePolicy: 'first-time-first', chairCount: 2 });
    s.ask('old');
    s.seat('old');
    s.run({ type: 'leave', actor: actor('old') });
    s.ask('old');
    s.ask('new1');
    s.run({ type: 'move', personId: 'old', toIndex: 0 });
    s.ask('new2');
    expect(s.queueIds()).toEqual(['old', 'new1', 'new2']);
  });

  it('validates the index and the person', () => {
    const s = new Scenario();
    s.ask('a');
    s.ask('b');
    expect(s.fail({ type: 'move', personId: 'a', toIndex: 2 }).details).toMatchObject({ field: 'toIndex' });
    expect(s.fail({ type: 'move', personId: 'a', toIndex: -1 }).details).toMatchObject({ field: 'toIndex' });
    expect(s.fail({ type: 'move', personId: 'zed', toIndex: 0 }).details).toMatchObject({ reason: 'NOT_QUEUED' });
    expect(s.run({ type: 'move', personId: 'a', toIndex: 0 })).toEqual([]);
  });

  it('is for moderators only', () => {
    const s = new Scenario();
    s.ask('a');
    s.ask('b');
    expect(s.fail({ type: 'move', actor: actor('b'), personId: 'b', toIndex: 0 }).code).toBe('FORBIDDEN');
  });
});

describe('expected wait', () => {
  it('open mode: 0 while a chair is free, then one average seat per round of open chairs', () => {
    const s = Scenario.running({ chairCount: 3, seatTimeLimitMs: 120_000, warningBeforeMs: 0 }); // 3 open chairs
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) s.ask(id);
    s.seat('a');
    s.run({ type: 'invite', personId: 'b' });
    // queue: a seated (left the queue); b invited; c..f waiting; free chairs: 1; T = 120 s (no seating completed yet)
    expect(s.queueIds()).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect(expectedWaits(s.state, s.now)).toEqual([0, 0, 120_000, 120_000, 120_000]);
  });

  it('uses the average completed seating once there is one', () => {
    const s = Scenario.running({ chairCount: 2 }); // 2 open chairs
    s.ask('a');
    s.seat('a');
    s.advance(40_000).run({ type: 'leave', actor: actor('a') });
    s.ask('b');
    s.seat('b');
    s.ask('c');
    s.seat('c');
    for (const id of ['d', 'e', 'f']) s.ask(id);
    // no free chair, k = 2, T = 40 s: d -> ceil(1/2)*40, e -> ceil(2/2)*40, f -> ceil(3/2)*40
    expect(expectedWaits(s.state, s.now)).toEqual([40_000, 40_000, 80_000]);
  });

  it('closed mode: the rest of the round, plus a round per full panel ahead', () => {
    const s = Scenario.running({ mode: 'closed', chairCount: 3, roundLengthMs: 600_000 }); // 3 open chairs
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) s.ask(id);
    s.seat('a');
    s.seat('b');
    s.seat('c');
    s.advance(100_000);
    expect(expectedWaits(s.state, s.now)).toEqual([500_000, 500_000, 500_000, 1_100_000]);
  });
});
