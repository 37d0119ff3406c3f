import { DomainError } from '@podium/contracts';
import { defaultOnStage, livestreamRoleOf, planJoin, type JoinInput } from './join-policy';

const NOW = Date.parse('2026-05-01T10:00:00Z');
const base: JoinInput = {
  session: { status: 'live', livestream: true, endsAtMs: NOW + 3600_000, delayMinutes: 0 },
  nowMs: NOW,
  sessionRole: 'attendee',
  organiserOnly: false,
  room: 'stage',
  asProductionDesk: false,
  banned: false,
  locked: false,
  assignedOnStage: null,
};
const refusal = (input: Partial<JoinInput>) => {
  try {
    planJoin({ ...base, ...input });
  } catch (e) {
    return { code: (e as DomainError).code, reason: (e as DomainError).details?.reason };
  }
  return null;
};

describe('planJoin', () => {
  it('lets an attendee watch, off stage unless a moderator put them on', () => {
    expect(planJoin(base)).toEqual({ role: 'attendee', onStage: false, room: 'stage' });
    expect(planJoin({ ...base, assignedOnStage: true }).onStage).toBe(true);
  });
  it('puts the session speakers on stage by default; a moderator can take them off', () => {
    expect(planJoin({ ...base, sessionRole: 'speaker' }).onStage).toBe(true);
    expect(planJoin({ ...base, sessionRole: 'speaker', assignedOnStage: false }).onStage).toBe(false);
  });
  it('refuses ended sessions (stored or by the delayed clock) and sessions without livestream', () => {
    expect(refusal({ session: { ...base.session, status: 'ended' } })).toEqual({ code: 'CONFLICT', reason: 'ended' });
    expect(refusal({ session: { ...base.session, endsAtMs: NOW - 60_000 } })).toEqual({ code: 'CONFLICT', reason: 'ended' });
    expect(refusal({ session: { ...base.session, endsAtMs: NOW - 60_000, delayMinutes: 5 } })).toBeNull();
    expect(refusal({ session: { ...base.session, livestream: false } })).toEqual({ code: 'CONFLICT', reason: 'no-livestream' });
  });
  it('refuses removed people, whatever their role', () => {
    expect(refusal({ banned: true, sessionRole: 'moderator' })).toEqual({ code: 'FORBIDDEN', reason: 'removed' });
  });
  it('keeps the backstage for the crew', () => {
    expect(refusal({ room: 'backstage' })).toEqual({ code: 'FORBIDDEN', reason: 'backstage' });
    expect(planJoin({ ...base, room: 'backstage', sessionRole: 'speaker', assignedOnStage: false })).toEqual({ role: 'speaker', onStage: true, room: 'backstage' });
    expect(planJoin({ ...base, room: 'backstage', sessionRole: 'moderator', organiserOnly: true }).role).toBe('organiser');
  });
  it('a locked room refuses new joins except for moderators and organisers', () => {
    expect(refusal({ locked: true })).toEqual({ code: 'FORBIDDEN', reason: 'locked' });
    expect(refusal({ locked: true, sessionRole: 'speaker' })).toEqual({ code: 'FORBIDDEN', reason: 'locked' });
    expect(planJoin({ ...base, locked: true, sessionRole: 'moderator' }).role).toBe('moderator');
    expect(planJoin({ ...base, locked: true, sessionRole: 'captioner' })).toEqual({ role: 'captioner', onStage: false, room: 'stage' }); // crew: captions must not stop
    expect(planJoin({ ...base, locked: true, sessionRole: 'moderator', organiserOnly: true }).role).toBe('organiser');
  });
  it('gives the production desk to moderators and organisers only, in the stage room', () => {
    expect(planJoin({ ...base, sessionRole: 'moderator', asProductionDesk: true })).toEqual({ role: 'production-desk', onStage: true, room: 'stage' });
    expect(refusal({ sessionRole: 'speaker', asProductionDesk: true })?.code).toBe('FORBIDDEN');
    expect(refusal({ sessionRole: 'moderator', asProductionDesk: true, room: 'backstage' })?.code).toBe('VALIDATION');
  });
});

describe('roles', () => {
  it('organisers who do not moderate become the organiser role (room admin, publish only on stage)', () => {
    expect(livestreamRoleOf('moderator', true)).toBe('organiser');
    expect(livestreamRoleOf('moderator', false)).toBe('moderator');
    expect(livestreamRoleOf('interpreter', true)).toBe('interpreter');
  });
  it('speakers and the always-publishing crew are on stage by default', () => {
    expect(['attendee', 'speaker', 'organiser', 'moderator', 'interpreter'].map((r) => defaultOnStage(r as never))).toEqual([false, true, false, true, true]);
  });
});
