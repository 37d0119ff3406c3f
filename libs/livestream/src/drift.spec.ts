import fc from 'fast-check';
import { participantAttributes } from './attributes';
import { computeStageDrift, type ActualParticipant, type StageUpdate } from './drift';
import { stagePermission } from './permissions';
import { LIVESTREAM_ROLES, type LivestreamRole } from './roles';

/** A participant exactly as our token made it. */
function joined(identity: string, role: LivestreamRole, onStage = false): ActualParticipant {
  const { roomAdmin: _admin, ...permission } = stagePermission(role, onStage);
  return { identity, permission, attributes: { ...participantAttributes(role, onStage) } as Record<string, string> };
}

/** What LiveKit looks like after the updates (attribute merge: '' deletes). */
function apply(actual: ActualParticipant[], updates: StageUpdate[]): ActualParticipant[] {
  return actual.map((p) => {
    const u = updates.find((x) => x.identity === p.identity);
    if (!u) return p;
    const { roomAdmin: _admin, ...permission } = u.permission;
    const attributes: Record<string, string> = { ...p.attributes, ...u.attributes };
    for (const [k, v] of Object.entries(u.attributes)) if (v === '') delete attributes[k];
    return { ...p, permission, attributes };
  });
}

describe('computeStageDrift', () => {
  it('finds nothing when LiveKit matches the database', () => {
    const actual = [joined('a', 'attendee'), joined('s', 'speaker', true), joined('i', 'interpreter')];
    expect(computeStageDrift(new Map([['s', true]]), actual)).toEqual({ updates: [], absent: [], unknown: [] });
  });

  it('promotes an attendee the moderator invited, with the full permission and the stage attribute', () => {
    const { updates } = computeStageDrift(new Map([['a', true]]), [joined('a', 'attendee')]);
    expect(updates).toEqual([
      { identity: 'a', role: 'attendee', onStage: true, change: 'promote', permission: stagePermission('attendee', true), attributes: { stage: 'true' } },
    ]);
  });

  it('demotes whoever LiveKit lets publish but the database took off stage (missing means off)', () => {
    const { updates } = computeStageDrift(new Map(), [joined('s', 'speaker', true)]);
    expect(updates.map((u) => [u.identity, u.change, u.permission.canPublish])).toEqual([['s', 'demote', false]]);
  });

  it('repairs a permission damaged by a partial update (canSubscribe switched off)', () => {
    const broken = joined('s', 'speaker', true);
    broken.permission = { ...broken.permission, canSubscribe: false, canPublishData: false };
    const { updates } = computeStageDrift(new Map([['s', true]]), [broken]);
    expect(updates.map((u) => [u.change, u.permission.canSubscribe])).toEqual([['repair', true]]);
  });

  it('keeps crew publishing whatever the stage list says', () => {
    const actual = [joined('m', 'moderator'), joined('i', 'interpreter'), joined('d', 'production-desk')];
    expect(computeStageDrift(new Map(), actual).updates).toEqual([]);
  });

  it('orders demotions before promotions and reports absent and unknown participants', () => {
    const actual = [joined('z', 'attendee'), joined('b', 'panelist', true), { identity: 'egress', permission: joined('x', 'attendee').permission, attributes: {} }];
    const drift = computeStageDrift(new Map([['z', true], ['b', false], ['late', true], ['gone', false]]), actual);
    expect(drift.updates.map((u) => `${u.change}:${u.identity}`)).toEqual(['demote:b', 'promote:z']);
    expect(drift.absent).toEqual(['late']);
    expect(drift.unknown).toEqual(['egress']);
  });

  it('converges: after applying its updates there is no drift left', () => {
    const role = fc.constantFrom(...LIVESTREAM_ROLES);
    const person = fc.record({ role, joinedOnStage: fc.boolean(), wanted: fc.option(fc.boolean(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 12 }), (people) => {
        const actual = people.map((p, i) => joined(`p${i}`, p.role, p.joinedOnStage));
        const desired = new Map(people.flatMap((p, i) => (p.wanted === undefined ? [] : [[`p${i}`, p.wanted] as [string, boolean]])));
        const after = apply(actual, computeStageDrift(desired, actual).updates);
        expect(computeStageDrift(desired, after).updates).toEqual([]);
      }),
    );
  });
});
