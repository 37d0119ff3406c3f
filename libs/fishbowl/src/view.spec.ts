import { FISHBOWL_QUEUE_HEAD, queuePlaceOf } from '@podium/contracts';
import { toView } from './view';
import { actor, Scenario, T0 } from './testing/harness';

describe('toView', () => {
  it('shows chairs, occupants, holds, queue, invitations, settings and version', () => {
    const s = Scenario.running({ chairCount: 4, fixedChairs: [{ role: 'interpreter', personId: 'dgs', displayName: 'Dana' }] });
    s.ask('anna', 'hall', 'Wohnen');
    s.ask('ben', 'remote');
    s.ask('cem', 'remote');
    s.seat('anna');
    s.run({ type: 'invite', personId: 'ben' });
    s.run({ type: 'report-speaking', personId: 'anna', speaking: true });
    s.advance(160_000);
    s.tick(); // anna's warning; ben's invitation lapses
    s.ask('ben');
    s.run({ type: 'invite', personId: 'cem' });
    const view = toView(s.state, s.now + 5000);

    expect(view).toMatchObject({ sessionId: 'session-1', version: s.state.version, now: s.now + 5000, status: 'running', rotation: null, round: null });
    expect(view.settings.chairCount).toBe(4);
    expect(view.chairs[0]).toMatchObject({ kind: 'fixed', fixedRole: 'interpreter', occupant: { personId: 'dgs', endsAt: null, timeLeftMs: null, warning: false } });
    expect(view.chairs[1]).toMatchObject({
      kind: 'open', fixedRole: null, heldFor: null,
      occupant: { personId: 'anna', where: 'hall', topic: 'Wohnen', seatedSince: T0, endsAt: T0 + 180_000, timeLeftMs: 15_000, warning: true, speaking: true },
    });
    expect(view.chairs[2]).toMatchObject({ occupant: null, heldFor: { personId: 'cem', expiresAt: s.now + 30_000 } });
    expect(view.queue.map((q) => [q.personId, q.position, q.invited, q.firstTime])).toEqual([['cem', 1, true, true], ['ben', 2, false, true]]);
    expect(view.invitations).toEqual([{ personId: 'cem', displayName: 'CEM', chairIndex: 2, invitedAt: s.now, expiresAt: s.now + 30_000, timeLeftMs: 25_000, guest: false }]);
    expect(view.queue[1].expectedWaitMs).toBe(0); // chair 3 is free
    expect(view.nextDeadline).toBe(T0 + 180_000);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view); // plain JSON for the wire
  });

  it('marks guests in the queue, on chairs, on held chairs and in invitations; nobody else', () => {
    const s = Scenario.running({ chairCount: 4, fixedChairs: [{ role: 'moderator', personId: 'mod', displayName: 'Moderation' }] });
    s.run({ type: 'ask', actor: actor('gast', 'guest'), where: 'remote' });
    s.run({ type: 'ask', actor: actor('gastzwei', 'guest'), where: 'hall' });
    s.ask('anna');
    s.seat('gast');
    s.run({ type: 'invite', personId: 'gastzwei' });
    const view = toView(s.state, s.now);
    expect(view.chairs.map((c) => [c.occupant?.personId ?? null, c.occupant?.guest ?? null])).toEqual([['mod', false], ['gast', true], [null, null], [null, null]]);
    expect(view.chairs[2].heldFor).toMatchObject({ personId: 'gastzwei', guest: true });
    expect(view.queue.map((q) => [q.personId, q.guest])).toEqual([['gastzwei', true], ['anna', false]]);
    expect(view.invitations.map((i) => [i.personId, i.guest])).toEqual([['gastzwei', true]]);
  });

  it('shows the round and the rotation suggestion', () => {
    const closed = Scenario.running({ mode: 'closed', roundLengthMs: 60_000 });
    expect(toView(closed.state, T0 + 20_000).round).toEqual({ number: 1, startedAt: T0, endsAt: T0 + 60_000, timeLeftMs: 40_000 });
    const open = Scenario.running({ chairCount: 2 });
    open.ask('anna');
    open.seat('anna');
    open.ask('ben');
    open.seat('ben');
    open.ask('cem');
    expect(toView(open.state, open.now).rotation).toMatchObject({ personId: 'anna', chairIndex: 0, policy: 'longest-seated' });
  });

  it('marks returning speakers in the queue', () => {
    const s = Scenario.running();
    s.ask('anna');
    s.seat('anna');
    s.run({ type: 'leave', actor: actor('anna') });
    s.ask('anna');
    expect(toView(s.state, s.now).queue[0].firstTime).toBe(false);
  });

  it.each(['open', 'closed'] as const)('sends the head of a long queue in full and the whole order as ids; every place is exact (%s mode)', (mode) => {
    const s = Scenario.running({ mode, chairCount: 3 });
    const ids = Array.from({ length: 130 }, (_, i) => `p${i}`);
    for (const id of ids) s.ask(id, 'remote', `topic ${id}`);
    s.seat('p0');
    s.run({ type: 'invite', personId: 'p70' }); // an invitation beyond the head
    s.advance(42_000);
    const now = s.now + 1234;
    const full = toView(s.state, now, { fullQueue: true });
    const head = toView(s.state, now);

    expect(full.fullQueue).toBe(true);
    expect(full.queue).toHaveLength(129);
    expect(head.fullQueue).toBe(false);
    expect(head.queue).toEqual(full.queue.slice(0, FISHBOWL_QUEUE_HEAD));
    expect(head.queueLength).toBe(129);
    expect(head.queueOrder).toEqual(full.queue.map((q) => q.personId));
    expect({ ...head, queue: full.queue, fullQueue: true }).toEqual(full); // nothing else differs
    expect(JSON.stringify(head).length).toBeLessThan(JSON.stringify(full).length / 2);
    for (const q of full.queue) {
      const place = queuePlaceOf(head, q.personId);
      expect(place).toEqual({ position: q.position, invited: q.invited, expectedWaitMs: q.expectedWaitMs, entry: q.position <= FISHBOWL_QUEUE_HEAD ? q : null });
    }
    expect(queuePlaceOf(head, 'p70')).toMatchObject({ invited: true, expectedWaitMs: 0 });
    expect(queuePlaceOf(head, 'p0')).toBeNull(); // seated, not queued
    expect(full.queue[128].expectedWaitMs).toBeGreaterThan(full.queue[60].expectedWaitMs);
  });

  it('a short queue is always whole', () => {
    const s = Scenario.running();
    s.ask('anna');
    const view = toView(s.state, s.now);
    expect(view).toMatchObject({ fullQueue: true, queueLength: 1, queueOrder: ['anna'] });
  });
});
