import { actor, Scenario, SYSTEM, T0 } from './testing/harness';

const ROUND = 300_000;

describe('closed fishbowl rounds', () => {
  function withPanel(auto: boolean) {
    const s = Scenario.running({
      mode: 'closed', auto, chairCount: 3, roundLengthMs: ROUND, seatTimeLimitMs: null,
      fixedChairs: [{ role: 'moderator', personId: 'mod', displayName: 'Mona' }],
    });
    for (const id of ['anna', 'ben', 'cem', 'dora', 'emil']) s.ask(id);
    if (!auto) {
      s.seat('anna');
      s.seat('ben');
    } else {
      s.run({ type: 'accept', actor: actor('anna') });
      s.run({ type: 'accept', actor: actor('ben') });
    }
    return s;
  }

  it('at round end every open-chair guest leaves and the next round starts; fixed chairs stay', () => {
    const s = withPanel(false);
    expect(s.advance(ROUND - 1).tick()).toEqual([]);
    const events = s.advance(1).tick();
    expect(s.types(events)).toEqual(['left-chair', 'left-chair', 'round-ended', 'round-started']);
    expect(events.slice(0, 2).map((e) => 'reason' in e && e.reason)).toEqual(['round-end', 'round-end']);
    expect(s.state.round).toEqual({ number: 2, startedAt: T0 + ROUND, endsAt: T0 + 2 * ROUND });
    expect(s.seatedIds()).toEqual(['mod', null, null]);
  });

  it('auto mode invites the next panel at round end', () => {
    const s = withPanel(true);
    const events = s.advance(ROUND).tick();
    expect(s.types(events)).toEqual(['left-chair', 'left-chair', 'round-ended', 'round-started', 'guest-invited', 'guest-invited']);
    expect(s.state.invitations.map((i) => i.personId)).toEqual(['cem', 'dora']);
    expect(events.every((e) => e.actor === SYSTEM)).toBe(true);
  });

  it('the moderator can end a round early', () => {
    const s = withPanel(false);
    s.advance(60_000);
    expect(s.types(s.run({ type: 'end-round' }))).toEqual(['left-chair', 'left-chair', 'round-ended', 'round-started']);
    expect(s.state.round?.endsAt).toBe(T0 + 60_000 + ROUND);
  });

  it('end-round only in a running closed fishbowl', () => {
    expect(Scenario.running().fail({ type: 'end-round' }).details).toMatchObject({ reason: 'NOT_CLOSED_MODE' });
    expect(new Scenario({ mode: 'closed' }).fail({ type: 'end-round' }).details).toMatchObject({ reason: 'NOT_RUNNING' });
  });

  it('open invitations survive the round change and still hold their chair', () => {
    const s = withPanel(false);
    s.run({ type: 'leave', actor: actor('ben') });
    s.advance(ROUND - 10_000).run({ type: 'invite', personId: 'cem' });
    s.advance(10_000).tick();
    expect(s.state.invitations.map((i) => i.personId)).toEqual(['cem']);
  });
});
