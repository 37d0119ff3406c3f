import { actor, MODERATOR, Scenario, SYSTEM, T0 } from './testing/harness';
import { toView } from './view';

const running = (settings = {}) => {
  const s = Scenario.running({ chairCount: 3, ...settings }); // three open chairs
  for (const id of ['anna', 'ben', 'cem', 'dora']) s.ask(id);
  return s;
};

describe('inviting', () => {
  it('holds the first free open chair until the deadline', () => {
    const s = running();
    const [event] = s.run({ type: 'invite', personId: 'ben' });
    expect(event).toMatchObject({ type: 'guest-invited', personId: 'ben', chairIndex: 0, expiresAt: T0 + 30_000, actor: MODERATOR });
    expect(s.state.invitations).toEqual([{ personId: 'ben', displayName: 'BEN', chairIndex: 0, invitedAt: T0, expiresAt: T0 + 30_000 }]);
    expect(s.queueIds()).toContain('ben'); // stays queued until accepting
  });

  it('uses the configured invitation timeout', () => {
    const s = running({ invitationTimeoutMs: 10_000 });
    expect(s.run({ type: 'invite', personId: 'ben' })[0]).toMatchObject({ expiresAt: T0 + 10_000 });
  });

  it('never lets two invitations hold one chair', () => {
    const s = running();
    s.run({ type: 'invite', personId: 'anna' });
    s.run({ type: 'invite', personId: 'ben' });
    s.run({ type: 'invite', personId: 'cem' });
    expect(s.state.invitations.map((i) => i.chairIndex)).toEqual([0, 1, 2]);
    expect(s.fail({ type: 'invite', personId: 'dora' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'NO_FREE_CHAIR' } });
  });

  it('can aim at a specific free open chair', () => {
    const s = Scenario.running({ chairCount: 4, fixedChairs: [{ role: 'moderator', personId: 'mod', displayName: 'Mona' }] });
    s.ask('anna');
    s.ask('ben');
    s.run({ type: 'invite', personId: 'anna', chairIndex: 2 });
    expect(s.fail({ type: 'invite', personId: 'ben', chairIndex: 2 }).details).toMatchObject({ reason: 'SEAT_TAKEN', chairIndex: 2 });
    expect(s.fail({ type: 'invite', personId: 'ben', chairIndex: 0 }).details).toMatchObject({ reason: 'FIXED_CHAIR' });
    expect(s.fail({ type: 'invite', personId: 'ben', chairIndex: 9 }).details).toMatchObject({ field: 'chairIndex' });
  });

  it('invites only queued people, once, while running', () => {
    const s = running();
    expect(s.fail({ type: 'invite', personId: 'zed' })).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'NOT_QUEUED' } });
    s.run({ type: 'invite', personId: 'anna' });
    expect(s.fail({ type: 'invite', personId: 'anna' }).details).toMatchObject({ reason: 'ALREADY_INVITED' });
    const draft = new Scenario();
    draft.ask('anna');
    expect(draft.fail({ type: 'invite', personId: 'anna' }).details).toMatchObject({ reason: 'NOT_RUNNING' });
  });

  it('is for moderators and organisers', () => {
    const s = running();
    expect(s.fail({ type: 'invite', actor: actor('anna'), personId: 'anna' }).code).toBe('FORBIDDEN');
    expect(s.fail({ type: 'invite', actor: actor('sp', 'speaker'), personId: 'anna' }).code).toBe('FORBIDDEN');
    s.run({ type: 'invite', actor: actor('org', 'organiser'), personId: 'anna' });
  });
});

describe('answering an invitation', () => {
  it('accepting seats the invitee on the held chair with a time limit and leaves the queue', () => {
    const s = running();
    s.run({ type: 'invite', personId: 'ben' });
    s.advance(5000);
    const [event] = s.run({ type: 'accept', actor: actor('ben') });
    expect(event).toMatchObject({ type: 'invitation-accepted', personId: 'ben', chairIndex: 0, endsAt: T0 + 5000 + 180_000 });
    expect(s.state.chairs[0].occupant).toMatchObject({ personId: 'ben', where: 'remote', since: T0 + 5000, endsAt: T0 + 185_000, warned: false });
    expect(s.queueIds()).toEqual(['anna', 'cem', 'dora']);
    expect(s.state.invitations).toEqual([]);
  });

  it('no time limit when none is configured', () => {
    const s = running({ seatTimeLimitMs: null });
    s.seat('ben');
    expect(s.state.chairs[0].occupant?.endsAt).toBeNull();
  });

  it('only the invitee can accept or decline, and only an open invitation', () => {
    const s = running();
    s.run({ type: 'invite', personId: 'ben' });
    expect(s.fail({ type: 'accept', actor: actor('anna') })).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'NO_INVITATION' } });
    expect(s.fail({ type: 'decline', actor: actor('anna') }).details).toMatchObject({ reason: 'NO_INVITATION' });
    expect(s.fail({ type: 'accept', actor: SYSTEM }).code).toBe('FORBIDDEN');
  });

  it('refuses a late accept before the timer has ticked', () => {
    const s = running();
    s.run({ type: 'invite', personId: 'ben' });
    s.advance(30_000);
    expect(s.fail({ type: 'accept', actor: actor('ben') }).details).toMatchObject({ reason: 'INVITATION_EXPIRED' });
  });

  it('declining frees the chair and removes the request', () => {
    const s = running();
    s.run({ type: 'invite', personId: 'ben' });
    s.run({ type: 'decline', actor: actor('ben') });
    expect(s.state.invitations).toEqual([]);
    expect(s.queueIds()).toEqual(['anna', 'cem', 'dora']);
  });

  it('a lapse at tick frees the chair and removes the request', () => {
    const s = running();
    s.run({ type: 'invite', personId: 'ben' });
    expect(s.advance(29_999).tick()).toEqual([]);
    expect(s.types(s.advance(1).tick())).toEqual(['invitation-lapsed']);
    expect(s.log.at(-1)).toMatchObject({ actor: SYSTEM, personId: 'ben' });
    expect(s.state.invitations).toEqual([]);
    expect(s.queueIds()).toEqual(['anna', 'cem', 'dora']);
  });

  it('cancelling by the moderator frees the chair but keeps the request', () => {
    const s = running();
    s.run({ type: 'invite', personId: 'ben' });
    s.run({ type: 'cancel-invitation', personId: 'ben' });
    expect(s.state.invitations).toEqual([]);
    expect(s.queueIds()).toContain('ben');
    expect(s.fail({ type: 'cancel-invitation', personId: 'ben' }).details).toMatchObject({ reason: 'NO_INVITATION' });
  });
});

describe('auto mode invitations', () => {
  it('invites the head of the queue for each free open chair', () => {
    const s = Scenario.running({ chairCount: 3, auto: true });
    s.ask('anna');
    expect(s.state.invitations.map((i) => i.personId)).toEqual(['anna']);
    s.ask('ben');
    s.ask('cem');
    s.ask('dora');
    expect(s.state.invitations.map((i) => [i.personId, i.chairIndex])).toEqual([['anna', 0], ['ben', 1], ['cem', 2]]);
    expect(s.log.filter((e) => e.type === 'guest-invited').every((e) => e.actor.role === 'system')).toBe(true);
  });

  it('invites the next one when an invitation lapses or is declined', () => {
    const s = Scenario.running({ chairCount: 2, auto: true, mode: 'closed' }); // 2 open chairs
    for (const id of ['anna', 'ben', 'cem', 'dora']) s.ask(id);
    s.run({ type: 'decline', actor: actor('anna') });
    expect(s.state.invitations.map((i) => i.personId)).toEqual(['ben', 'cem']);
    const events = s.advance(30_000).tick();
    expect(s.types(events)).toEqual(['invitation-lapsed', 'invitation-lapsed', 'guest-invited']);
    expect(s.state.invitations.map((i) => i.personId)).toEqual(['dora']);
  });

  it('starting in auto mode invites people who asked before the start', () => {
    const s = new Scenario({ auto: true, chairCount: 2 });
    s.ask('anna');
    expect(s.types(s.run({ type: 'start' }))).toEqual(['fishbowl-started', 'guest-invited']);
  });

  it('turning auto on reacts at once', () => {
    const s = Scenario.running({ chairCount: 2 });
    s.ask('anna');
    expect(s.types(s.run({ type: 'configure', settings: { auto: true } }))).toEqual(['fishbowl-configured', 'guest-invited']);
  });
});

describe('accepting in the last free open chair (open mode)', () => {
  it('keeps a chair free in auto mode by rotating once the grace has passed', () => {
    const s = Scenario.running({ chairCount: 2, auto: true, rotationGraceMs: 0 }); // 2 open chairs
    s.ask('anna');
    s.run({ type: 'accept', actor: actor('anna') });
    s.ask('ben');
    s.advance(10_000);
    s.ask('cem');
    const events = s.run({ type: 'accept', actor: actor('ben') });
    // all open chairs taken and cem waits: anna (longest seated) leaves, cem is invited
    expect(s.types(events)).toEqual(['invitation-accepted', 'left-chair', 'guest-invited']);
    expect(events[1]).toMatchObject({ personId: 'anna', reason: 'rotation', actor: SYSTEM });
    expect(s.state.invitations.map((i) => i.personId)).toEqual(['cem']);
  });
});

describe('inviting a question’s asker ("Zur Frage aufs Podium")', () => {
  const toPodium = { type: 'invite-asker', personId: 'eva', displayName: 'Eva', where: 'remote', topic: 'Wie wird gezählt?' } as const;

  it('queues the asker with the question as topic and invites them in one decision', () => {
    const s = Scenario.running({ chairCount: 3 });
    const events = s.run(toPodium);
    expect(events.map((e) => e.type)).toEqual(['seat-requested', 'guest-invited']);
    expect(events[0]).toMatchObject({ personId: 'eva', displayName: 'Eva', where: 'remote', topic: 'Wie wird gezählt?', actor: MODERATOR });
    expect(s.state.invitations).toEqual([{ personId: 'eva', displayName: 'Eva', chairIndex: 0, invitedAt: T0, expiresAt: T0 + 30_000 }]);
  });

  it('only invites an asker who is queued already', () => {
    const s = running();
    expect(s.run({ ...toPodium, personId: 'cem' }).map((e) => e.type)).toEqual(['guest-invited']);
  });

  it('refuses as a whole when no chair is free: the asker is not left queued', () => {
    const s = running();
    for (const id of ['anna', 'ben', 'cem']) s.run({ type: 'invite', personId: id });
    expect(s.fail(toPodium)).toMatchObject({ code: 'CONFLICT', details: { reason: 'NO_FREE_CHAIR' } });
    expect(s.queueIds()).not.toContain('eva');
  });

  it('is for moderators only and needs a running fishbowl', () => {
    expect(running().fail({ ...toPodium, actor: actor('ben', 'attendee') })).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'MODERATORS_ONLY' } });
    expect(new Scenario({ chairCount: 3 }).fail(toPodium)).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOT_RUNNING' } });
  });

  it('records a guest asker as the moderator queued and invited them and the guest accepted (issue 14)', () => {
    const s = Scenario.running({ chairCount: 3 });
    const events = s.run({ ...toPodium, guest: true });
    // The moderator did both; the event itself says the asker is a guest (the actor is the moderator's).
    expect(events).toEqual([
      { type: 'seat-requested', at: T0, actor: MODERATOR, personId: 'eva', displayName: 'Eva', where: 'remote', topic: 'Wie wird gezählt?', guest: true },
      { type: 'guest-invited', at: T0, actor: MODERATOR, personId: 'eva', chairIndex: 0, expiresAt: T0 + 30_000 },
    ]);
    const view = toView(s.state, T0);
    expect(view.queue.find((q) => q.personId === 'eva')).toMatchObject({ guest: true, invited: true });
    expect(view.invitations).toEqual([expect.objectContaining({ personId: 'eva', guest: true })]);
    const guestEva = actor('eva', 'guest', 'Eva');
    const [accepted] = s.run({ type: 'accept', actor: guestEva });
    expect(accepted).toMatchObject({ type: 'invitation-accepted', actor: guestEva, personId: 'eva', chairIndex: 0 });
    expect(toView(s.state, T0).chairs[0].occupant).toMatchObject({ personId: 'eva', guest: true });
  });

  it('does not call an asker a guest who is none, nor one because the moderator queued them', () => {
    const s = Scenario.running({ chairCount: 3 });
    const [asked] = s.run(toPodium);
    expect(asked).not.toHaveProperty('guest');
    expect(toView(s.state, T0).invitations).toEqual([expect.objectContaining({ personId: 'eva', guest: false })]);
  });

  it('marks a guest at accepting even when an older log did not say so at queueing', () => {
    const s = Scenario.running({ chairCount: 3 });
    s.run(toPodium); // as written before the fix: no guest flag
    s.run({ type: 'accept', actor: actor('eva', 'guest', 'Eva') });
    expect(toView(s.state, T0).chairs[0].occupant).toMatchObject({ personId: 'eva', guest: true });
  });

  it('cuts a long question to the topic limit of 140 characters', () => {
    const s = Scenario.running({ chairCount: 3 });
    const [asked] = s.run({ ...toPodium, topic: 'x'.repeat(500) });
    expect((asked as { topic: string }).topic).toBe('x'.repeat(140));
  });
});
