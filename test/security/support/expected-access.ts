// What every persona may do, written by hand from docs/security.md (the rules): never computed with product code.
import type { ChatClientToServerEvents, FishbowlClientToServerEvents, ForumClientToServerEvents, MarketClientToServerEvents, PollsClientToServerEvents, QuestionsClientToServerEvents, ReactionsClientToServerEvents } from '@podium/contracts';

/**
 * A = the conference under test (published, admits guests), S = its live fishbowl session, B = another
 * published conference, U = an unpublished conference where none of the personas but the platform
 * organiser holds a role.
 */
export const PERSONAS = [
  'anonymous', // no token
  'invited', // invited to A as attendee, link not redeemed: no token yet
  'guest', // guest of A
  'attendee', // attendee of A
  'speaker', // attendee of A, speaker on S
  'moderator', // attendee of A, moderator of S
  'organiser', // organiser of A
  'otherOrganiser', // organiser of B
  'otherModerator', // attendee of B, moderator of a session of B
  'otherGuest', // guest of B
  'platform', // platform organiser
  'removed', // attendee of A, removed (banned) from S by its moderators
  'withdrawn', // attendee of A whose invitation was withdrawn: the token is dead
] as const;
export type Persona = (typeof PERSONAS)[number];

/** `{ allowed: status }`: the exact success status (and the route's effect is checked); else how it is refused. */
export type Outcome = { allowed: number } | 'forbidden' | 'unauthenticated' | 'not-found';

const NO_VALID_TOKEN: readonly Persona[] = ['anonymous', 'invited', 'withdrawn'];

/** Hand-written groups. */
const EVERYONE: Persona[] = PERSONAS.filter((p) => p !== 'withdrawn'); // a dead token is refused even on public routes
const SIGNED_IN: Persona[] = ['guest', 'attendee', 'speaker', 'moderator', 'organiser', 'otherOrganiser', 'otherModerator', 'otherGuest', 'platform', 'removed'];
const OF_A: Persona[] = ['guest', 'attendee', 'speaker', 'moderator', 'organiser', 'removed', 'platform'];
const RUNS_S: Persona[] = ['moderator', 'organiser', 'platform'];
const MANAGES_A: Persona[] = ['organiser', 'platform'];
const PLATFORM: Persona[] = ['platform'];
/** Rule 3: a guest acts only in its own conference. */
const SIGNED_IN_BUT_OTHER_GUEST: Persona[] = SIGNED_IN.filter((p) => p !== 'otherGuest');

interface RowSpec {
  status: number;
  allowed: readonly Persona[];
  notFound?: readonly Persona[];
}

/** Not allowed: a dead token 401; listed as not found 404; no token 401; a valid token 403. */
function row({ status, allowed, notFound = [] }: RowSpec): Record<Persona, Outcome> {
  const out = {} as Record<Persona, Outcome>;
  for (const p of PERSONAS) {
    if (allowed.includes(p)) out[p] = { allowed: status };
    else if (p === 'withdrawn') out[p] = 'unauthenticated'; // refused before anything else is looked at
    else if (notFound.includes(p)) out[p] = 'not-found';
    else out[p] = NO_VALID_TOKEN.includes(p) ? 'unauthenticated' : 'forbidden';
  }
  return out;
}

/** U is unpublished: 404 exactly as a missing slug for everyone without a role there (rule 4). */
const unpublished = (status: number) => row({ status, allowed: PLATFORM, notFound: EVERYONE.filter((p) => p !== 'platform') });

/**
 * Route (method + path as the app declares it) -> persona -> outcome. A key with `#case` is an extra
 * scenario of the same route.
 */
export const HTTP_EXPECTATIONS: Record<string, Record<Persona, Outcome>> = {
  'GET /health': row({ status: 200, allowed: EVERYONE }),

  // identity
  'POST /api/auth/redeem': row({ status: 200, allowed: EVERYONE }),
  'GET /signin/:token': row({ status: 200, allowed: EVERYONE }),
  // The sign-in page's script, served as a file so the CSP needs no inline script.
  'GET /api/auth/signin.js': row({ status: 200, allowed: EVERYONE }),
  'POST /api/conferences/:slug/guests': row({ status: 201, allowed: EVERYONE }),
  // rule 4: guest sign-in to an unpublished conference is 404 for everyone .
  'POST /api/conferences/:slug/guests#unpublished': row({ status: 201, allowed: [], notFound: EVERYONE }),
  'GET /api/auth/me': row({ status: 200, allowed: SIGNED_IN }),
  'POST /api/conferences/:slug/invitations': row({ status: 201, allowed: MANAGES_A }),
  // rule 1: an invitation with a known address creates a NEW person; the link gives only the new roles.
  'POST /api/conferences/:slug/invitations#known-email': row({ status: 201, allowed: MANAGES_A }),
  'DELETE /api/conferences/:slug/invitations/:id': row({ status: 204, allowed: MANAGES_A }),

  // invitations by e-mail: participant lists carry e-mail addresses, so organisers of A only (rule 5 of docs/security.md).
  'POST /api/conferences/:slug/participants/preview': row({ status: 200, allowed: MANAGES_A }),
  'POST /api/conferences/:slug/participants/import': row({ status: 201, allowed: MANAGES_A }),
  'GET /api/conferences/:slug/participants': row({ status: 200, allowed: MANAGES_A }),
  'POST /api/conferences/:slug/participants/:personId/withdraw': row({ status: 204, allowed: MANAGES_A }),
  'POST /api/conferences/:slug/participants/:personId/resend': row({ status: 202, allowed: MANAGES_A }),
  'POST /api/conferences/:slug/participants/:personId/erase': row({ status: 204, allowed: MANAGES_A }),
  'POST /api/conferences/:slug/mails/send': row({ status: 202, allowed: MANAGES_A }),
  'GET /api/conferences/:slug/mails/progress': row({ status: 200, allowed: MANAGES_A }),
  'GET /api/conferences/:slug/mail-templates': row({ status: 200, allowed: MANAGES_A }),
  'PUT /api/conferences/:slug/mail-templates': row({ status: 204, allowed: MANAGES_A }),
  // Anybody signed in may ask for their own data to be deleted.
  'POST /api/me/erasure-request': row({ status: 202, allowed: SIGNED_IN }),

  // livestream
  'GET /api/sessions/:id/attendance': row({ status: 200, allowed: MANAGES_A }),
  'GET /api/sessions/:id/attendance/timeline': row({ status: 200, allowed: MANAGES_A }),
  'GET /api/livestream/status': row({ status: 200, allowed: PLATFORM }),
  'POST /api/sessions/:id/join': row({ status: 200, allowed: ['guest', 'attendee', 'speaker', 'moderator', 'organiser', 'platform'] }),
  'POST /api/sessions/:id/production-desk-token': row({ status: 200, allowed: RUNS_S }),
  // A forum of A (an interactive session): everyone of A but the person removed from it.
  // Markt der Möglichkeiten of A: everyone of A visits; the booth's staff (the moderator persona) and A's organisers run it.
  'GET /api/conferences/:slug/booths': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/booths': row({ status: 201, allowed: MANAGES_A }),
  // The organiser pages' booths: with staff ids, changed and deleted by A's organisers only.
  'GET /api/conferences/:slug/booths/setup': row({ status: 200, allowed: MANAGES_A }),
  'PUT /api/conferences/:slug/booths/:boothId': row({ status: 200, allowed: MANAGES_A }),
  'DELETE /api/conferences/:slug/booths/:boothId': row({ status: 204, allowed: MANAGES_A }),
  'POST /api/conferences/:slug/booths/:boothId/visit': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/booths/:boothId/leave': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/booths/:boothId/contact': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/booths/:boothId/staff': row({ status: 200, allowed: RUNS_S }),
  'POST /api/conferences/:slug/booths/:boothId/invite-next': row({ status: 200, allowed: RUNS_S }),
  'GET /api/conferences/:slug/booths/:boothId/contacts': row({ status: 200, allowed: RUNS_S }),
  // Meeting people in A: everyone of A may opt in; the directory and requests need their own opt-in (scenes prepare it).
  'GET /api/conferences/:slug/directory': row({ status: 200, allowed: OF_A }),
  'PUT /api/conferences/:slug/directory/me': row({ status: 200, allowed: OF_A }),
  'DELETE /api/conferences/:slug/directory/me': row({ status: 200, allowed: OF_A }),
  'GET /api/conferences/:slug/contact-requests': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/contact-requests': row({ status: 201, allowed: OF_A }),
  'POST /api/conferences/:slug/contact-requests/:id/answer': row({ status: 200, allowed: OF_A }),
  // Calls and speed networking in A: only the people of a call get its token (scenes make the persona one of them);
  // rounds of S are set up and started by S's moderators and A's organisers.
  'POST /api/conferences/:slug/contact-requests/:id/call': row({ status: 200, allowed: OF_A }),
  'GET /api/conferences/:slug/speed-networking': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/speed-networking': row({ status: 201, allowed: RUNS_S }),
  'GET /api/conferences/:slug/speed-networking/:id': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/speed-networking/:id/join': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/speed-networking/:id/leave': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/speed-networking/:id/start': row({ status: 200, allowed: RUNS_S }),
  'POST /api/conferences/:slug/speed-networking/:id/call': row({ status: 200, allowed: OF_A }),
  'POST /api/conferences/:slug/speed-networking/:id/groups/:groupId/share': row({ status: 200, allowed: OF_A }),
  'GET /api/conferences/:slug/networking-settings': row({ status: 200, allowed: MANAGES_A }),
  'PUT /api/conferences/:slug/networking-settings': row({ status: 200, allowed: MANAGES_A }),
  'GET /api/sessions/:id/forum/record': row({ status: 200, allowed: RUNS_S }),
  'POST /api/sessions/:id/forum/join': row({ status: 200, allowed: ['guest', 'attendee', 'speaker', 'moderator', 'organiser', 'platform'] }),
  // Authenticated by the LiveKit signature in Authorization (no persona token is sent): a signed event is taken from anybody.
  'POST /livekit/webhook': row({ status: 200, allowed: PERSONAS }),
  'POST /api/sessions/:id/stage/:personId': row({ status: 200, allowed: RUNS_S }),
  // Past the role check the target must be connected with that track: 404 from LiveKit's side is the allowed answer here.
  'POST /api/sessions/:id/participants/:personId/mute': row({ status: 404, allowed: RUNS_S }),
  'DELETE /api/sessions/:id/participants/:personId': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/bans': row({ status: 200, allowed: RUNS_S }),
  'DELETE /api/sessions/:id/bans/:personId': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/lock': row({ status: 200, allowed: RUNS_S }),
  'POST /api/sessions/:id/lock': row({ status: 200, allowed: RUNS_S }),
  // The stage layout every viewer sees: whoever runs the session (moderation, organisers; the desk is a moderator).
  'POST /api/sessions/:id/layout': row({ status: 200, allowed: RUNS_S }),
  // Captions: the session's captioners (no persona here; test/captions covers them) and whoever runs the session.
  'POST /api/sessions/:id/captions': row({ status: 200, allowed: RUNS_S }),
  // The transcript is what the room heard: anyone of the conference, like the session itself, except who was removed from it.
  'GET /api/sessions/:id/transcript': row({ status: 200, allowed: OF_A.filter((p) => p !== 'removed') }),
  // Interpretation (docs/accessibility.md): organisers set an interpreter's pair; only the session's interpreters (no persona here; test/accessibility covers them) switch the booth.
  'GET /api/sessions/:id/interpreters': row({ status: 200, allowed: MANAGES_A }),
  'PUT /api/sessions/:id/interpreters/:personId/languages': row({ status: 200, allowed: MANAGES_A }),
  'POST /api/sessions/:id/interpretation/live': row({ status: 200, allowed: [] }),

  // programme
  'GET /api/conferences': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug#unpublished': unpublished(200),
  // rule 4: a new conference is unpublished unless said otherwise.
  'POST /api/conferences': row({ status: 201, allowed: PLATFORM }),
  'PATCH /api/conferences/:slug': row({ status: 200, allowed: MANAGES_A }),
  'DELETE /api/conferences/:slug': row({ status: 204, allowed: PLATFORM }),
  'POST /api/conferences/import': row({ status: 201, allowed: PLATFORM }),
  'POST /api/conferences/import#xml': row({ status: 201, allowed: PLATFORM }),
  'GET /api/conferences/:slug/schedule.json': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug/schedule.json#unpublished': unpublished(200),
  'GET /api/conferences/:slug/schedule.xml': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug/schedule.xml#unpublished': unpublished(200),
  'GET /api/conferences/:slug/programme': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug/programme#unpublished': unpublished(200),
  'GET /api/conferences/:slug/now-next': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug/conflicts': row({ status: 200, allowed: MANAGES_A }),
  'GET /api/conferences/:slug/sessions': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug/sessions/:id': row({ status: 200, allowed: EVERYONE }),
  'GET /api/sessions/:id': row({ status: 200, allowed: EVERYONE }),
  'POST /api/conferences/:slug/sessions': row({ status: 201, allowed: MANAGES_A }),
  'PATCH /api/sessions/:id': row({ status: 200, allowed: MANAGES_A }),
  'DELETE /api/sessions/:id': row({ status: 204, allowed: MANAGES_A }),
  'GET /api/conferences/:slug/tracks': row({ status: 200, allowed: EVERYONE }),
  'POST /api/conferences/:slug/tracks': row({ status: 201, allowed: MANAGES_A }),
  'PATCH /api/conferences/:slug/tracks/:trackId': row({ status: 200, allowed: MANAGES_A }),
  'DELETE /api/conferences/:slug/tracks/:trackId': row({ status: 204, allowed: MANAGES_A }),
  'GET /api/conferences/:slug/rooms': row({ status: 200, allowed: EVERYONE }),
  'POST /api/conferences/:slug/rooms': row({ status: 201, allowed: MANAGES_A }),
  'PATCH /api/conferences/:slug/rooms/:roomId': row({ status: 200, allowed: MANAGES_A }),
  'DELETE /api/conferences/:slug/rooms/:roomId': row({ status: 204, allowed: MANAGES_A }),
  // rule 5 (effect): people on no session of A are not in the public list.
  // Accessibility (docs/accessibility.md): the start page slots and the statement are as public as the programme; organisers fill them in.
  'GET /api/conferences/:slug/accessibility': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug/accessibility#unpublished': unpublished(200),
  'PUT /api/conferences/:slug/accessibility': row({ status: 200, allowed: MANAGES_A }),
  'GET /api/conferences/:slug/people': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug/people#unpublished': unpublished(200),
  'POST /api/conferences/:slug/people': row({ status: 201, allowed: MANAGES_A }),
  'PATCH /api/conferences/:slug/people/:personId': row({ status: 200, allowed: MANAGES_A }),
  // rule 2: a person also in B: only a platform organiser (or they themselves) may change them.
  'PATCH /api/conferences/:slug/people/:personId#shared': row({ status: 200, allowed: PLATFORM }),
  'PATCH /api/conferences/:slug/people/:personId#foreign': row({ status: 200, allowed: [], notFound: MANAGES_A }),
  'DELETE /api/conferences/:slug/people/:personId': row({ status: 204, allowed: MANAGES_A }),
  // rule 2.
  'DELETE /api/conferences/:slug/people/:personId#shared': row({ status: 204, allowed: PLATFORM }),
  'DELETE /api/conferences/:slug/people/:personId#foreign': row({ status: 204, allowed: [], notFound: MANAGES_A }),
  // rule 3 (otherGuest): registration in another conference is 403.
  'GET /api/sessions/:id/registration': row({ status: 200, allowed: SIGNED_IN }),
  'POST /api/sessions/:id/registration': row({ status: 200, allowed: OF_A }),
  'DELETE /api/sessions/:id/registration': row({ status: 200, allowed: OF_A }),
  // rule 3 (otherGuest): a guest's bookmarks in another conference are 403.
  'PUT /api/sessions/:id/bookmark': row({ status: 204, allowed: SIGNED_IN_BUT_OTHER_GUEST }),
  'DELETE /api/sessions/:id/bookmark': row({ status: 204, allowed: SIGNED_IN_BUT_OTHER_GUEST }),
  'GET /api/conferences/:slug/my-agenda': row({ status: 200, allowed: SIGNED_IN }),
  'GET /api/conferences/:slug/bookmarks': row({ status: 200, allowed: SIGNED_IN }),
  'PUT /api/conferences/:slug/bookmarks/:id': row({ status: 204, allowed: SIGNED_IN_BUT_OTHER_GUEST }),
  'DELETE /api/conferences/:slug/bookmarks/:id': row({ status: 204, allowed: SIGNED_IN_BUT_OTHER_GUEST }),
  'POST /api/sessions/:id/start': row({ status: 200, allowed: RUNS_S }),
  'POST /api/sessions/:id/end': row({ status: 200, allowed: RUNS_S }),
  'POST /api/sessions/:id/extend': row({ status: 200, allowed: RUNS_S }),
  'POST /api/sessions/:id/delay': row({ status: 200, allowed: RUNS_S }),
  'POST /api/sessions/:id/cancel': row({ status: 200, allowed: MANAGES_A }),
  'POST /api/sessions/:id/reinstate': row({ status: 200, allowed: MANAGES_A }),
  'GET /api/conferences/:slug/calendar.ics': row({ status: 200, allowed: EVERYONE }),
  'GET /api/conferences/:slug/calendar.ics#unpublished': unpublished(200),
  'GET /api/sessions/:id/calendar.ics': row({ status: 200, allowed: EVERYONE }),
  // The feed URL is the credential (the owner's secret), whoever fetches it.
  'GET /api/calendar/:feed': row({ status: 200, allowed: EVERYONE }),
  'GET /api/me/calendar-feed': row({ status: 200, allowed: SIGNED_IN }),
  'POST /api/me/calendar-feed': row({ status: 200, allowed: SIGNED_IN }),

  // fishbowl over HTTP
  'GET /api/sessions/:id/fishbowl': row({ status: 200, allowed: OF_A }),
  'GET /api/sessions/:id/fishbowl/full': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/fishbowl/record': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/fishbowl/minutes.md': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/fishbowl/minutes.csv': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/fishbowl/minutes': row({ status: 200, allowed: RUNS_S }),
  // the session record of every kind of session: whoever runs it (the fishbowl paths above answer the same)
  'GET /api/sessions/:id/record': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/minutes.md': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/minutes.csv': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/minutes': row({ status: 200, allowed: RUNS_S }),

  // questions over HTTP: the public list for whoever may attend, the record and exports for moderators
  'GET /api/sessions/:id/questions': row({ status: 200, allowed: OF_A }),
  'GET /api/sessions/:id/questions/record': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/questions/export': row({ status: 200, allowed: RUNS_S }),
  // poll results: the session's moderators and the conference's organisers
  'GET /api/sessions/:id/polls/record': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/polls/minutes.md': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/polls/minutes.csv': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/polls/:pollId/result': row({ status: 200, allowed: RUNS_S }),
  'GET /api/sessions/:id/polls/:pollId/result.csv': row({ status: 200, allowed: RUNS_S }),
  // chat retention (organisers of A)
  'GET /api/conferences/:slug/chat-settings': row({ status: 200, allowed: MANAGES_A }),
  'PUT /api/conferences/:slug/chat-settings': row({ status: 200, allowed: MANAGES_A }),
};

/** Socket answers: `ok` (and the effect is checked), a refusal code in the ack, or the handshake refused. */
export type SocketOutcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'UNAVAILABLE';

/** On /fishbowl the handshake needs a valid token: without one every event is UNAUTHENTICATED. */
const socketRow = (ok: readonly Persona[], refusal: SocketOutcome = 'FORBIDDEN'): Record<Persona, SocketOutcome> => {
  const out = {} as Record<Persona, SocketOutcome>;
  for (const p of PERSONAS) out[p] = ok.includes(p) ? 'ok' : NO_VALID_TOKEN.includes(p) && refusal === 'FORBIDDEN' ? 'UNAUTHENTICATED' : refusal;
  return out;
};
const FOLLOWS_S: Persona[] = ['guest', 'attendee', 'speaker', 'moderator', 'organiser', 'platform', 'removed'];
/** A person removed from S may watch but not take a seat. */
const SEATS_IN_S: Persona[] = ['guest', 'attendee', 'speaker', 'moderator', 'organiser', 'platform'];

/** Every fishbowl client event (the contract's map: a new event does not compile until it has a row). */
export const FISHBOWL_EXPECTATIONS: Record<keyof FishbowlClientToServerEvents, Record<Persona, SocketOutcome>> = {
  'fishbowl:join': socketRow(FOLLOWS_S),
  // Leaving a room one is not in is harmless: anyone connected.
  'fishbowl:part': socketRow(SIGNED_IN),
  'fishbowl:ask': socketRow(SEATS_IN_S),
  // With someone else's personId: moderators only.
  'fishbowl:withdraw': socketRow(RUNS_S),
  'fishbowl:accept': socketRow(SEATS_IN_S),
  'fishbowl:decline': socketRow(FOLLOWS_S),
  'fishbowl:leave': socketRow(FOLLOWS_S),
  'fishbowl:invite': socketRow(RUNS_S),
  'fishbowl:cancel-invitation': socketRow(RUNS_S),
  'fishbowl:remove': socketRow(RUNS_S),
  'fishbowl:move': socketRow(RUNS_S),
  'fishbowl:confirm-rotation': socketRow(RUNS_S),
  'fishbowl:end-round': socketRow(RUNS_S),
  'fishbowl:configure': socketRow(RUNS_S),
  'fishbowl:start': socketRow(RUNS_S),
  'fishbowl:end': socketRow(RUNS_S),
  'fishbowl:speaking': socketRow(RUNS_S),
  'fishbowl:substitute': socketRow(RUNS_S),
};

/** `/programme` has no contract map; its events are listed here and compared with the live socket. */
export const PROGRAMME_EXPECTATIONS: Record<string, Record<Persona, SocketOutcome>> = {
  // A published programme is public: no token needed (a dead token counts as none here).
  'programme:subscribe': socketRow(PERSONAS),
  // U exactly as a missing slug for everyone without a role there.
  'programme:subscribe#unpublished': socketRow(PLATFORM, 'NOT_FOUND'),
  'programme:unsubscribe': socketRow(PERSONAS),
};

/**
 * Every /questions client event (the contract's map). Anyone who may attend S asks, votes and withdraws
 * their own (a person removed from S too: only the podium is closed to them); moderation is for RUNS_S.
 */
export const QUESTIONS_EXPECTATIONS: Record<keyof QuestionsClientToServerEvents, Record<Persona, SocketOutcome>> = {
  'questions:join': socketRow(FOLLOWS_S),
  'questions:part': socketRow(SIGNED_IN),
  'questions:ask': socketRow(FOLLOWS_S),
  'questions:upvote': socketRow(FOLLOWS_S),
  'questions:retract-upvote': socketRow(FOLLOWS_S),
  // Withdrawing one's own question (someone else's is NOT_YOURS for everyone, moderators too).
  'questions:withdraw': socketRow(FOLLOWS_S),
  'questions:set-moderation': socketRow(RUNS_S),
  'questions:approve': socketRow(RUNS_S),
  'questions:reject': socketRow(RUNS_S),
  'questions:pin': socketRow(RUNS_S),
  'questions:unpin': socketRow(RUNS_S),
  'questions:mark-answered': socketRow(RUNS_S),
  'questions:merge': socketRow(RUNS_S),
  'questions:edit': socketRow(RUNS_S),
  'questions:to-podium': socketRow(RUNS_S),
};

/** Every `/polls` event: ballots and reactions need to attend S and not be removed from it; the rest is the moderators'. */
export const POLLS_EXPECTATIONS: Record<keyof PollsClientToServerEvents, Record<Persona, SocketOutcome>> = {
  'polls:join': socketRow(FOLLOWS_S),
  'polls:part': socketRow(SIGNED_IN),
  'polls:create': socketRow(RUNS_S),
  'polls:open': socketRow(RUNS_S),
  'polls:close': socketRow(RUNS_S),
  'polls:vote': socketRow(SEATS_IN_S),
};

/** Every `/reactions` event: a reaction counts only from a socket that joined S (access is checked on join). */
export const REACTIONS_EXPECTATIONS: Record<keyof ReactionsClientToServerEvents, Record<Persona, SocketOutcome>> = {
  'reactions:join': socketRow(SEATS_IN_S),
  'reactions:part': socketRow(SIGNED_IN),
  'reactions:send': socketRow(SEATS_IN_S),
};

/** Every /chat client event, in S's room (the contract's map: a new event does not compile until it has a row). */
export const CHAT_EXPECTATIONS: Record<keyof ChatClientToServerEvents, Record<Persona, SocketOutcome>> = {
  'chat:join': socketRow(FOLLOWS_S),
  'chat:part': socketRow(SIGNED_IN),
  'chat:history': socketRow(FOLLOWS_S),
  // A person removed from S may read its chat, not write in it.
  'chat:post': socketRow(SEATS_IN_S),
  'chat:report': socketRow(FOLLOWS_S),
  // Someone else's message: moderators only.
  'chat:delete': socketRow(RUNS_S),
  'chat:mute': socketRow(RUNS_S),
  'chat:unmute': socketRow(RUNS_S),
  'chat:slow-mode': socketRow(RUNS_S),
};

/** In a forum of A (F, with S's moderator and speaker, the removed persona banned): who takes part. */
const IN_F: Persona[] = ['guest', 'attendee', 'speaker', 'moderator', 'organiser', 'platform'];
/** The socket matrix runs without media: past the role check a mute answers UNAVAILABLE (and records nothing). */
const RUNS_S_WITHOUT_MEDIA = (): Record<Persona, SocketOutcome> => ({ ...socketRow(RUNS_S), moderator: 'UNAVAILABLE', organiser: 'UNAVAILABLE', platform: 'UNAVAILABLE' });

/** Every forum client event (the contract's map: a new event does not compile until it has a row). */
export const FORUM_EXPECTATIONS: Record<keyof ForumClientToServerEvents, Record<Persona, SocketOutcome>> = {
  // Removed from the session is out of the conversation, its view included.
  'forum:join': socketRow(IN_F),
  'forum:part': socketRow(SIGNED_IN),
  'forum:leave': socketRow(IN_F),
  'forum:raise-hand': socketRow(IN_F),
  // With someone else's personId: moderators only.
  'forum:lower-hand': socketRow(RUNS_S),
  'forum:give-floor': socketRow(RUNS_S),
  // Someone else's turn: moderators only.
  'forum:end-floor': socketRow(RUNS_S),
  'forum:take-slot': socketRow(IN_F),
  'forum:mute': RUNS_S_WITHOUT_MEDIA(),
  'forum:ask-unmute': socketRow(RUNS_S),
  'forum:answer-unmute': socketRow(IN_F),
  'forum:remove': socketRow(RUNS_S),
  'forum:configure': socketRow(RUNS_S),
  'forum:open-breakouts': socketRow(RUNS_S),
  'forum:broadcast': socketRow(RUNS_S),
  'forum:close-breakouts': socketRow(RUNS_S),
};

/** Every /market event: following a booth of A is for everyone of A, as visiting it is (the follow answers one's own place). */
export const MARKET_EXPECTATIONS: Record<keyof MarketClientToServerEvents, Record<Persona, SocketOutcome>> = {
  'market:follow': socketRow(OF_A),
  // Unfollowing a booth one does not follow is harmless: anyone connected.
  'market:unfollow': socketRow(SIGNED_IN),
};
