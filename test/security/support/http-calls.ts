// How each route of the table is called, and how an "allowed" answer is checked for its intended effect.
import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { IdentityService } from '../../../apps/api/src/identity/identity.service';
import { api } from '../../support/app';
import { testLiveKit } from '../../support/services';
import { PollsStore } from '../../../apps/api/src/polls/polls-store';
import { ForumStore } from '../../../apps/api/src/forum/forum-store';
import { BoothStore } from '../../../apps/api/src/market/booth-store';
import type { BoothCommand } from '@podium/market';
import { newSession, type Cast } from './cast';
import { invitationCalls } from './invitation-calls';
import { bookmarked, exists, fail, freshPerson, isCalendar, isText, lifecycle, linkGivesOnlyNewPerson, minimalSchedule, named, people, rolesOf, unique, type Prepare } from './http-call-kit';

export type { Answer, Call } from './http-call-kit';

export const HTTP_CALLS: Record<string, Prepare> = {
  'GET /health': () => ({ path: '/health', verify: (a) => fail(a.body.status === 'ok' && a.body.database?.status === 'up', `health: ${a.text.slice(0, 120)}`) }),

  'POST /api/auth/redeem': (c) => ({
    path: '/api/auth/redeem',
    body: { token: c.invitedSecret },
    verify: async (a) => fail(a.body.person?.id === c.ids.invited, 'redeemed someone else') ?? fail(JSON.stringify((await rolesOf(c, a.body.token)).roles) === JSON.stringify([`${c.slug}:attendee`]), 'the link gives more than attendee of A'),
  }),
  'GET /api/auth/signin.js': () => ({ path: '/api/auth/signin.js', verify: (a) => fail(a.text.includes("localStorage.setItem('podium.session'") && a.text.includes('location.replace('), `not the sign-in script: ${a.text.slice(0, 80)}`) }),
  'GET /signin/:token': (c) => ({ path: `/signin/${c.invitedSecret}`, verify: (a) => fail(a.body.person?.id === c.ids.invited && typeof a.body.token === 'string', 'no token for the invited person') }),
  'POST /api/conferences/:slug/guests': (c, p, n) => {
    const displayName = `Gast ${unique(n)}`;
    return {
      path: `/api/conferences/${c.slug}/guests`,
      body: { displayName },
      verify: async (a) =>
        fail(
          a.body.person?.guest === true &&
            (await exists(c, `SELECT 1 FROM person p JOIN conference_role r ON r.person_id = p.id WHERE p.id = $1 AND p.is_guest AND p.display_name = $2 AND r.conference_id = $3 AND r.role = 'attendee'`, [a.body.person.id, displayName, c.conferenceId])),
          'no guest person with attendee of A',
        ),
    };
  },
  'POST /api/conferences/:slug/guests#unpublished': (c, p, n) => ({ path: `/api/conferences/${c.hiddenSlug}/guests`, body: { displayName: `Gast ${unique(n)}` } }),
  'GET /api/auth/me': (c, p) => ({ path: '/api/auth/me', verify: (a) => fail(a.body.person?.id === c.ids[p], `me is ${a.body.person?.id}`) }),
  'POST /api/conferences/:slug/invitations': (c, p, n) => ({
    path: `/api/conferences/${c.slug}/invitations`,
    body: { displayName: `Eingeladen ${unique(n)}`, role: 'attendee' },
    verify: (a) => linkGivesOnlyNewPerson(c, a.body.link, a.body.personId),
  }),
  'POST /api/conferences/:slug/invitations#known-email': (c, p, n) => ({
    path: `/api/conferences/${c.slug}/invitations`,
    body: { displayName: `Eingeladen ${unique(n)}`, role: 'attendee', email: c.platformEmail },
    verify: async (a) => fail(a.body.personId !== c.ids.platform, 'the invitation attached to the platform organiser') ?? linkGivesOnlyNewPerson(c, a.body.link, a.body.personId),
  }),
  'DELETE /api/conferences/:slug/invitations/:id': async (c, p, n) => {
    const inv = await c.app.podium.app.get(IdentityService).invite({ displayName: `Zurückgezogen ${unique(n)}`, role: 'attendee', conferenceId: c.conferenceId });
    return {
      path: `/api/conferences/${c.slug}/invitations/${inv.invitationId}`,
      verify: async () => fail(await exists(c, 'SELECT 1 FROM invitation WHERE id = $1 AND revoked_at IS NOT NULL', [inv.invitationId]), 'invitation not withdrawn'),
    };
  },

  ...invitationCalls(),

  'GET /api/sessions/:id/attendance': (c) => ({ path: `/api/sessions/${c.sessionId}/attendance`, verify: (a) => fail(typeof a.body === 'object' && !Array.isArray(a.body) && !a.body.error, 'no attendance object') }),
  'GET /api/sessions/:id/attendance/timeline': (c) => ({ path: `/api/sessions/${c.sessionId}/attendance/timeline`, verify: (a) => fail(typeof a.body === 'object' && !a.body.error, 'no timeline') }),
  'GET /api/livestream/status': () => ({ path: '/api/livestream/status', verify: (a) => fail(['up', 'down'].includes(a.body.livekit?.status), 'no livekit status') }),
  'POST /api/sessions/:id/join': (c, p) => ({ path: `/api/sessions/${c.sessionId}/join`, body: {}, verify: (a) => fail(typeof a.body.token === 'string' && String(a.body.identity).includes(c.ids[p]!), 'no LiveKit token for me') }),
  'GET /api/conferences/:slug/booths': async (c) => {
    const b = await booth(c);
    return { path: `/api/conferences/${c.slug}/booths`, verify: (a) => fail(Array.isArray(a.body) && a.body.some((x: { id: string; open: boolean }) => x.id === b.id && x.open), 'the open booth is not listed') };
  },
  'POST /api/conferences/:slug/booths': (c, p, n) => {
    const name = `Stand ${unique(n)}`;
    return {
      path: `/api/conferences/${c.slug}/booths`,
      body: { name, description: 'Projekt', links: [{ label: 'Website', url: 'https://example.org/projekt' }], capacity: 4, staff: [c.ids.moderator] },
      verify: async (a) => fail(await exists(c, `SELECT 1 FROM booth b JOIN booth_staff s ON s.booth_id = b.id WHERE b.id = $1 AND b.name = $2 AND b.conference_id = $3 AND s.person_id = $4`, [a.body.id, name, c.conferenceId, c.ids.moderator]), 'no booth with its staff'),
    };
  },
  'GET /api/conferences/:slug/booths/setup': async (c) => {
    const b = await booth(c);
    return { path: `/api/conferences/${c.slug}/booths/setup`, verify: (a) => fail(Array.isArray(a.body.booths) && a.body.booths.some((x: { id: string; staff: string[] }) => x.id === b.id && x.staff.includes(c.ids.moderator!)) && a.body.people.some((x: { id: string }) => x.id === c.ids.attendee), 'the booth with its staff, or an attendee to staff it, is not listed') };
  },
  'PUT /api/conferences/:slug/booths/:boothId': async (c, p, n) => {
    const b = await booth(c);
    const name = `Umbenannt ${unique(n)}`;
    return {
      path: `/api/conferences/${c.slug}/booths/${b.id}`,
      body: { name, capacity: 3, staff: [c.ids.attendee] },
      verify: async () =>
        fail(
          (await exists(c, `SELECT 1 FROM booth b JOIN booth_staff s ON s.booth_id = b.id WHERE b.id = $1 AND b.name = $2 AND b.capacity = 3 AND s.person_id = $3`, [b.id, name, c.ids.attendee])) &&
            !(await exists(c, `SELECT 1 FROM booth_staff WHERE booth_id = $1 AND person_id = $2`, [b.id, c.ids.moderator])) &&
            (await b.state()).capacity === 3,
          'the booth is not changed',
        ),
    };
  },
  'DELETE /api/conferences/:slug/booths/:boothId': async (c) => {
    const b = await booth(c);
    return { path: `/api/conferences/${c.slug}/booths/${b.id}`, verify: async () => fail(!(await exists(c, `SELECT 1 FROM booth WHERE id = $1`, [b.id])), 'the booth is still there') };
  },
  'POST /api/conferences/:slug/booths/:boothId/visit': async (c, p) => {
    const b = await booth(c);
    return { path: `/api/conferences/${c.slug}/booths/${b.id}/visit`, verify: async (a) => fail(a.body.status === 'in' && typeof a.body.token === 'string' && (await b.state()).visitors.some((v) => v.personId === c.ids[p]), 'not in the booth') };
  },
  'POST /api/conferences/:slug/booths/:boothId/leave': async (c, p) => {
    const b = await booth(c);
    if (c.ids[p]) await b.as(c.ids[p]!, false)({ type: 'visit' });
    return { path: `/api/conferences/${c.slug}/booths/${b.id}/leave`, verify: async () => fail(!(await b.state()).visitors.some((v) => v.personId === c.ids[p]), 'still in the booth') };
  },
  'POST /api/conferences/:slug/booths/:boothId/contact': async (c, p) => {
    const b = await booth(c);
    if (c.ids[p]) await b.as(c.ids[p]!, false)({ type: 'visit' });
    return {
      path: `/api/conferences/${c.slug}/booths/${b.id}/contact`,
      body: { contact: 'mail@example.org' },
      verify: async () => fail(await exists(c, `SELECT 1 FROM booth_contact WHERE booth_id = $1 AND person_id = $2 AND contact = 'mail@example.org'`, [b.id, c.ids[p]]), 'no contact left'),
    };
  },
  'POST /api/conferences/:slug/booths/:boothId/staff': async (c, p) => {
    const b = await booth(c, { staffIn: false });
    return { path: `/api/conferences/${c.slug}/booths/${b.id}/staff`, verify: async (a) => fail(a.body.status === 'in' && (await b.state()).staff.some((s) => s.personId === c.ids[p]), 'not staffing') };
  },
  'POST /api/conferences/:slug/booths/:boothId/invite-next': async (c) => {
    // Two places: the victim and the attendee inside, the speaker waiting; the victim leaves, so one place is free.
    const b = await booth(c, { capacity: 2 });
    for (const id of [c.victimId, c.ids.attendee!, c.ids.speaker!]) await b.as(id, false)({ type: 'visit' });
    await b.as(c.victimId, false)({ type: 'leave' });
    return { path: `/api/conferences/${c.slug}/booths/${b.id}/invite-next`, verify: async (a) => fail(a.body.personId === c.ids.speaker && (await b.state()).visitors.some((v) => v.personId === c.ids.speaker), 'the head of the queue is not in') };
  },
  'GET /api/conferences/:slug/booths/:boothId/contacts': async (c) => {
    const b = await booth(c);
    await b.as(c.victimId, false)({ type: 'visit' });
    await c.db.query(`INSERT INTO booth_contact (booth_id, person_id, contact) VALUES ($1, $2, 'victim@example.org')`, [b.id, c.victimId]);
    return { path: `/api/conferences/${c.slug}/booths/${b.id}/contacts`, verify: (a) => fail(Array.isArray(a.body) && a.body.length === 1 && a.body[0].contact === 'victim@example.org', 'not the one contact') };
  },
  'GET /api/conferences/:slug/directory': async (c, p) => {
    if (c.ids[p]) await listed(c, c.ids[p]!);
    return { path: `/api/conferences/${c.slug}/directory`, verify: (a) => fail(Array.isArray(a.body) && a.body.some((e: { personId: string }) => e.personId === c.ids[p]) && !JSON.stringify(a.body).includes('@example.org'), 'not listed, or contact details shown') };
  },
  'PUT /api/conferences/:slug/directory/me': (c, p) => ({
    path: `/api/conferences/${c.slug}/directory/me`,
    body: { function: 'Integrationsbeauftragte', organisation: 'Stadt Ulm', topics: ['Wohnen'], contact: 'me@example.org' },
    verify: async () => fail(await exists(c, `SELECT 1 FROM directory_entry WHERE conference_id = $1 AND person_id = $2 AND organisation = 'Stadt Ulm'`, [c.conferenceId, c.ids[p]]), 'no entry'),
  }),
  'DELETE /api/conferences/:slug/directory/me': async (c, p) => {
    if (c.ids[p]) await listed(c, c.ids[p]!);
    return { path: `/api/conferences/${c.slug}/directory/me`, verify: async () => fail(!(await exists(c, 'SELECT 1 FROM directory_entry WHERE conference_id = $1 AND person_id = $2', [c.conferenceId, c.ids[p]])), 'still listed') };
  },
  'GET /api/conferences/:slug/contact-requests': async (c, p) => {
    if (c.ids[p]) await asked(c, c.ids[p]!);
    return { path: `/api/conferences/${c.slug}/contact-requests`, verify: (a) => fail(Array.isArray(a.body) && a.body.some((r: { direction: string; other: { personId: string } }) => r.direction === 'received' && r.other.personId === c.victimId), 'the request received is missing') };
  },
  'POST /api/conferences/:slug/contact-requests': async (c, p) => {
    await listed(c, c.victimId);
    if (c.ids[p]) await listed(c, c.ids[p]!);
    return {
      path: `/api/conferences/${c.slug}/contact-requests`,
      body: { to: c.victimId, message: 'Gern vernetzen' },
      verify: async () => fail(await exists(c, `SELECT 1 FROM contact_request WHERE conference_id = $1 AND from_person = $2 AND to_person = $3 AND status = 'pending'`, [c.conferenceId, c.ids[p], c.victimId]), 'no pending request'),
    };
  },
  'POST /api/conferences/:slug/contact-requests/:id/answer': async (c, p) => {
    const id = c.ids[p] ? await asked(c, c.ids[p]!) : await asked(c, c.ids.attendee!);
    return {
      path: `/api/conferences/${c.slug}/contact-requests/${id}/answer`,
      body: { accept: true },
      verify: async () => fail(await exists(c, `SELECT 1 FROM contact_request WHERE id = $1 AND status = 'accepted'`, [id]), 'not accepted'),
    };
  },
  'POST /api/conferences/:slug/contact-requests/:id/call': async (c, p, n) => {
    // The persona asked someone new of A, who accepted (apart from the victim's requests the other rows reset).
    const me = c.ids[p] ?? c.ids.attendee!;
    const other = await freshPerson(c, n);
    await listed(c, other);
    await listed(c, me);
    const [{ id }] = await c.db.query(`INSERT INTO contact_request (conference_id, from_person, to_person, status, answered_at) VALUES ($1, $2, $3, 'accepted', now()) RETURNING id`, [c.conferenceId, me, other]);
    return { path: `/api/conferences/${c.slug}/contact-requests/${id}/call`, verify: (a) => fail(a.body.room === `podium-call-${id}` && typeof a.body.token === 'string' && a.body.members?.[0]?.personId === other, 'no token for the call with the person asked') };
  },
  'GET /api/conferences/:slug/speed-networking': async (c) => {
    const id = await speedRun(c);
    return { path: `/api/conferences/${c.slug}/speed-networking`, verify: (a) => fail(Array.isArray(a.body) && a.body.some((r: { id: string }) => r.id === id), 'the run is not listed') };
  },
  'POST /api/conferences/:slug/speed-networking': (c, p) => ({
    path: `/api/conferences/${c.slug}/speed-networking`,
    body: { sessionId: c.sessionId, minutes: 5, rounds: 3 },
    verify: async (a) => fail(a.body.status === 'open' && (await exists(c, 'SELECT 1 FROM speed_networking WHERE id = $1 AND session_id = $2 AND created_by = $3', [a.body.id, c.sessionId, c.ids[p]])), 'no run of S'),
  }),
  'GET /api/conferences/:slug/speed-networking/:id': async (c) => {
    const id = await speedRun(c);
    return { path: `/api/conferences/${c.slug}/speed-networking/${id}`, verify: (a) => fail(a.body.id === id && a.body.status === 'open', 'not the run') };
  },
  'POST /api/conferences/:slug/speed-networking/:id/join': async (c, p) => {
    const id = await speedRun(c);
    if (c.ids[p]) await listed(c, c.ids[p]!);
    return { path: `/api/conferences/${c.slug}/speed-networking/${id}/join`, verify: async (a) => fail(a.body.joined === true && (await exists(c, 'SELECT 1 FROM speed_participant WHERE speed_id = $1 AND person_id = $2 AND present', [id, c.ids[p]])), 'not taking part') };
  },
  'POST /api/conferences/:slug/speed-networking/:id/leave': async (c, p) => {
    const id = await speedRun(c, [c.ids[p] ?? c.ids.attendee!]);
    return { path: `/api/conferences/${c.slug}/speed-networking/${id}/leave`, verify: async () => fail(await exists(c, 'SELECT 1 FROM speed_participant WHERE speed_id = $1 AND person_id = $2 AND NOT present', [id, c.ids[p]]), 'still taking part') };
  },
  'POST /api/conferences/:slug/speed-networking/:id/start': async (c) => {
    const id = await speedRun(c, [c.victimId, c.ids.attendee!]);
    return { path: `/api/conferences/${c.slug}/speed-networking/${id}/start`, verify: async (a) => fail(a.body.status === 'running' && (await exists(c, 'SELECT 1 FROM speed_networking WHERE id = $1 AND started_at IS NOT NULL', [id])), 'not started') };
  },
  'POST /api/conferences/:slug/speed-networking/:id/call': async (c, p) => {
    const id = await speedRun(c, [c.victimId, c.ids[p] ?? c.ids.attendee!], true);
    return { path: `/api/conferences/${c.slug}/speed-networking/${id}/call`, verify: (a) => fail(String(a.body.room).startsWith('podium-speed-') && typeof a.body.token === 'string' && a.body.members?.[0]?.personId === c.victimId, 'no token for the pair with the victim') };
  },
  'POST /api/conferences/:slug/speed-networking/:id/groups/:groupId/share': async (c, p) => {
    const me = c.ids[p] ?? c.ids.attendee!;
    const id = await speedRun(c, [c.victimId, me]);
    const [group] = await c.db.query('INSERT INTO speed_group (speed_id, round, members) VALUES ($1, 1, $2::uuid[]) RETURNING id', [id, [c.victimId, me]]);
    await c.db.query('INSERT INTO speed_share (group_id, person_id) VALUES ($1, $2)', [group.id, c.victimId]);
    return {
      path: `/api/conferences/${c.slug}/speed-networking/${id}/groups/${group.id}/share`,
      body: { share: true },
      verify: (a) => fail(a.body.shared === true && a.body.members?.[0]?.contact === `${c.victimId.slice(0, 8)}@example.org`, 'details not exchanged both ways'),
    };
  },
  'GET /api/conferences/:slug/networking-settings': (c) => ({ path: `/api/conferences/${c.slug}/networking-settings`, verify: (a) => fail(Number.isInteger(a.body.networkingRetentionDays), 'no retention') }),
  'PUT /api/conferences/:slug/networking-settings': (c, p, n) => {
    const days = 2 + (n % 300);
    return {
      path: `/api/conferences/${c.slug}/networking-settings`,
      body: { networkingRetentionDays: days },
      verify: async (a) => fail(a.body.networkingRetentionDays === days && (await exists(c, 'SELECT 1 FROM conference WHERE id = $1 AND networking_retention_days = $2', [c.conferenceId, days])), 'retention not stored'),
    };
  },
  'GET /api/sessions/:id/forum/record': async (c) => {
    const id = await newSession(c, c.conferenceId, { startMinutes: -5 });
    await c.db.query('UPDATE session SET interactive = true WHERE id = $1', [id]);
    const actor = { personId: c.victimId, displayName: 'Opfer', moderator: false };
    await c.app.podium.app.get(ForumStore).submit(id, { type: 'enter', actor });
    return { path: `/api/sessions/${id}/forum/record`, verify: (a) => fail(a.body.people?.length === 1 && a.body.people[0].personId === c.victimId, 'the record does not name the one participant') };
  },
  'POST /api/sessions/:id/forum/join': async (c, p) => {
    // A session of A switched to an interactive room (the column's explicit "on").
    const id = await newSession(c, c.conferenceId, { startMinutes: -5 });
    await c.db.query('UPDATE session SET interactive = true WHERE id = $1', [id]);
    return {
      path: `/api/sessions/${id}/forum/join`,
      verify: async (a) =>
        fail(typeof a.body.token === 'string' && a.body.identity === c.ids[p], 'no LiveKit token for me') ??
        fail(await exists(c, `SELECT 1 FROM forum_event WHERE session_id = $1 AND type = 'entered' AND payload->>'personId' = $2`, [id, c.ids[p]]), 'not entered into the forum'),
    };
  },
  'POST /api/sessions/:id/captions': (c, p, n) => {
    const segmentId = `matrix-${unique(n)}`.replace(/[^A-Za-z0-9_.:-]/g, '-');
    return {
      path: `/api/sessions/${c.sessionId}/captions`,
      body: { segmentId, text: 'Matrix', language: 'de' },
      verify: async () => fail(await exists(c, 'SELECT 1 FROM caption_line WHERE session_id = $1 AND segment_id = $2 AND author_id = $3', [c.sessionId, segmentId, c.ids[p]]), 'no caption line by me'),
    };
  },
  'GET /api/sessions/:id/transcript': (c) => ({ path: `/api/sessions/${c.sessionId}/transcript`, verify: (a) => fail(a.body.sessionId === c.sessionId && Array.isArray(a.body.lines), 'no transcript') }),
  'GET /api/sessions/:id/interpreters': (c) => ({ path: `/api/sessions/${c.sessionId}/interpreters`, verify: (a) => fail(Array.isArray(a.body), 'no list') }),
  'PUT /api/sessions/:id/interpreters/:personId/languages': async (c, p, n) => {
    const target = await freshPerson(c, n);
    await c.db.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'interpreter')`, [c.sessionId, target]);
    return {
      path: `/api/sessions/${c.sessionId}/interpreters/${target}/languages`,
      body: { from: 'de', to: 'en' },
      verify: async () => fail(await exists(c, `SELECT 1 FROM session_person WHERE session_id = $1 AND person_id = $2 AND language_from = 'de' AND language_to = 'en'`, [c.sessionId, target]), 'no language pair'),
    };
  },
  'POST /api/sessions/:id/interpretation/live': (c) => ({ path: `/api/sessions/${c.sessionId}/interpretation/live`, body: {} }),
  'POST /api/sessions/:id/production-desk-token': (c) => ({ path: `/api/sessions/${c.sessionId}/production-desk-token`, verify: (a) => fail(a.body.role === 'production-desk' && typeof a.body.token === 'string', 'no desk token') }),
  'POST /livekit/webhook': async (c, p, n) => {
    const body = JSON.stringify({ id: `EV_matrix_${unique(n)}`, event: 'room_started', room: { name: 'not-a-podium-room', sid: 'RM_matrix' } });
    const { apiKey, apiSecret } = testLiveKit();
    const token = new AccessToken(apiKey, apiSecret);
    token.sha256 = createHash('sha256').update(body).digest('base64');
    return { path: '/livekit/webhook', body, noToken: true, headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() }, verify: (a) => fail(typeof a.body.outcome === 'string', 'no outcome') };
  },
  'POST /api/sessions/:id/stage/:personId': async (c, p, n) => {
    const target = await freshPerson(c, n);
    return {
      path: `/api/sessions/${c.sessionId}/stage/${target}`,
      body: { onStage: true },
      verify: async () => fail(await exists(c, 'SELECT 1 FROM stage_assignment WHERE session_id = $1 AND person_id = $2 AND on_stage', [c.sessionId, target]), 'not on stage'),
    };
  },
  'POST /api/sessions/:id/participants/:personId/mute': (c) => ({
    path: `/api/sessions/${c.sessionId}/participants/${c.victimId}/mute`,
    body: { trackSid: 'TR_matrix' },
    verify: (a) => fail(a.body.error?.code === 'NOT_FOUND' && /not connected/.test(a.body.error.message), 'expected "not connected" past the role check'),
  }),
  'DELETE /api/sessions/:id/participants/:personId': async (c, p, n) => {
    const target = await freshPerson(c, n);
    return { path: `/api/sessions/${c.sessionId}/participants/${target}`, verify: async () => fail(await exists(c, 'SELECT 1 FROM livestream_ban WHERE session_id = $1 AND person_id = $2', [c.sessionId, target]), 'no ban row') };
  },
  'GET /api/sessions/:id/bans': (c) => ({ path: `/api/sessions/${c.sessionId}/bans`, verify: (a) => fail(Array.isArray(a.body) && a.body.some((b: { personId: string }) => b.personId === c.ids.removed), 'the removed persona is not listed') }),
  'DELETE /api/sessions/:id/bans/:personId': async (c, p, n) => {
    const target = await freshPerson(c, n);
    await c.db.query('INSERT INTO livestream_ban (session_id, person_id) VALUES ($1, $2)', [c.sessionId, target]);
    return { path: `/api/sessions/${c.sessionId}/bans/${target}`, verify: async () => fail(!(await exists(c, 'SELECT 1 FROM livestream_ban WHERE session_id = $1 AND person_id = $2', [c.sessionId, target])), 'still banned') };
  },
  'GET /api/sessions/:id/lock': (c) => ({ path: `/api/sessions/${c.sessionId}/lock`, verify: (a) => fail(a.body.locked === false, 'S should be unlocked') }),
  'POST /api/sessions/:id/lock': async (c) => {
    const id = await newSession(c, c.conferenceId);
    return { path: `/api/sessions/${id}/lock`, body: { locked: true }, verify: async () => fail(await exists(c, 'SELECT 1 FROM livestream_room WHERE session_id = $1 AND locked', [id]), 'not locked') };
  },
  'POST /api/sessions/:id/layout': async (c) => {
    const id = await newSession(c, c.conferenceId);
    return { path: `/api/sessions/${id}/layout`, body: { layout: 'panel' }, verify: async () => fail(await exists(c, "SELECT 1 FROM livestream_room WHERE session_id = $1 AND layout = 'panel'", [id]), 'layout not stored') };
  },

  'GET /api/conferences': (c, p) => ({
    path: '/api/conferences',
    verify: (a) => {
      const slugs = (a.body as { slug: string }[]).map((x) => x.slug);
      return fail(slugs.includes(c.slug), 'A missing') ?? fail(slugs.includes(c.hiddenSlug) === (p === 'platform'), `U listed for ${p}: ${slugs.includes(c.hiddenSlug)}`);
    },
  }),
  'GET /api/conferences/:slug': (c) => ({ path: `/api/conferences/${c.slug}`, verify: (a) => fail(a.body.slug === c.slug, 'wrong conference') }),
  'GET /api/conferences/:slug#unpublished': (c) => ({ path: `/api/conferences/${c.hiddenSlug}`, verify: (a) => fail(a.body.slug === c.hiddenSlug, 'wrong conference') }),
  'POST /api/conferences': (c, p, n) => {
    const slug = `mx-neu-${unique(n)}`;
    return {
      path: '/api/conferences',
      body: { slug, title: 'Neue Konferenz', startDate: '2027-03-01' },
      verify: async () => fail(await exists(c, 'SELECT 1 FROM conference WHERE slug = $1 AND NOT published', [slug]), 'no new unpublished conference (rule 4: published defaults to false)'),
    };
  },
  'PATCH /api/conferences/:slug': (c, p, n) => {
    const title = `Sicherheit ${unique(n)}`;
    return { path: `/api/conferences/${c.slug}`, body: { title }, verify: async () => fail(await exists(c, 'SELECT 1 FROM conference WHERE id = $1 AND title = $2', [c.conferenceId, title]), 'title unchanged') };
  },
  'DELETE /api/conferences/:slug': async (c, p, n) => {
    const slug = `mx-weg-${unique(n)}`;
    await c.db.query(`INSERT INTO conference (slug, title, start_date, end_date, timezone) VALUES ($1, 'Weg', current_date, current_date, 'Europe/Berlin')`, [slug]);
    return { path: `/api/conferences/${slug}?confirm=${slug}`, verify: async () => fail(!(await exists(c, 'SELECT 1 FROM conference WHERE slug = $1', [slug])), 'still there') };
  },
  'POST /api/conferences/import': (c, p, n) => {
    const slug = `mx-imp-${unique(n)}`;
    return {
      path: `/api/conferences/import?slug=${slug}`,
      body: minimalSchedule(),
      verify: async (a) => fail(a.body.slug === slug && (await exists(c, 'SELECT 1 FROM conference WHERE slug = $1', [slug])), `not imported: ${a.text.slice(0, 160)}`),
    };
  },
  // The same route with a schedule.xml body: the same rule (platform organisers only).
  'POST /api/conferences/import#xml': (c, p, n) => {
    const slug = `mx-xml-${unique(n)}`;
    return {
      path: `/api/conferences/import?slug=${slug}`,
      body: '<?xml version="1.0"?><schedule><version>matrix</version><conference><acronym>mx-xml</acronym><title>Import</title><start>2027-02-01</start><end>2027-02-01</end></conference><day index="1" date="2027-02-01" start="2027-02-01T08:00:00+01:00" end="2027-02-01T20:00:00+01:00"/></schedule>',
      headers: { 'content-type': 'application/xml' },
      verify: async (a) => fail(a.body.slug === slug && (await exists(c, 'SELECT 1 FROM conference WHERE slug = $1', [slug])), `not imported: ${a.text.slice(0, 160)}`),
    };
  },
  'GET /api/conferences/:slug/schedule.json': (c) => ({ path: `/api/conferences/${c.slug}/schedule.json`, verify: (a) => fail(Array.isArray(a.body.schedule?.conference?.days), 'no schedule') }),
  'GET /api/conferences/:slug/schedule.json#unpublished': (c) => ({ path: `/api/conferences/${c.hiddenSlug}/schedule.json`, verify: (a) => fail(Array.isArray(a.body.schedule?.conference?.days), 'no schedule') }),
  'GET /api/conferences/:slug/schedule.xml': (c) => ({ path: `/api/conferences/${c.slug}/schedule.xml`, verify: (a) => fail(a.text.includes('<schedule>') && a.text.includes('<day '), 'no schedule') }),
  'GET /api/conferences/:slug/schedule.xml#unpublished': (c) => ({ path: `/api/conferences/${c.hiddenSlug}/schedule.xml`, verify: (a) => fail(a.text.includes('<schedule>') && a.text.includes('<day '), 'no schedule') }),
  'GET /api/conferences/:slug/programme': (c) => ({ path: `/api/conferences/${c.slug}/programme`, verify: (a) => fail(a.body.conference?.slug === c.slug && Array.isArray(a.body.days), 'no programme') }),
  'GET /api/conferences/:slug/programme#unpublished': (c) => ({ path: `/api/conferences/${c.hiddenSlug}/programme`, verify: (a) => fail(a.body.conference?.slug === c.hiddenSlug, 'no programme') }),
  'GET /api/conferences/:slug/now-next': (c) => ({ path: `/api/conferences/${c.slug}/now-next`, verify: (a) => fail(Array.isArray(a.body.rooms), 'no rooms') }),
  'GET /api/conferences/:slug/conflicts': (c) => ({ path: `/api/conferences/${c.slug}/conflicts`, verify: (a) => fail(typeof a.body.count === 'number', 'no count') }),
  'GET /api/conferences/:slug/sessions': (c) => ({ path: `/api/conferences/${c.slug}/sessions`, verify: (a) => fail(Array.isArray(a.body) && a.body.some((s: { id: string }) => s.id === c.sessionId), 'S missing') }),
  'GET /api/conferences/:slug/sessions/:id': (c) => ({ path: `/api/conferences/${c.slug}/sessions/${c.sessionId}`, verify: (a) => fail(a.body.id === c.sessionId, 'not S') }),
  'GET /api/sessions/:id': (c) => ({ path: `/api/sessions/${c.sessionId}`, verify: (a) => fail(a.body.id === c.sessionId, 'not S') }),
  'POST /api/conferences/:slug/sessions': (c, p, n) => {
    const title = `Neu ${unique(n)}`;
    return {
      path: `/api/conferences/${c.slug}/sessions`,
      body: { kind: 'panel', title, start: new Date(Date.now() + 86_400_000).toISOString(), end: new Date(Date.now() + 90_000_000).toISOString() },
      verify: async () => fail(await exists(c, 'SELECT 1 FROM session WHERE conference_id = $1 AND title = $2', [c.conferenceId, title]), 'no session row'),
    };
  },
  'PATCH /api/sessions/:id': async (c, p, n) => {
    const id = await newSession(c, c.conferenceId, { status: 'scheduled' });
    const title = `Geändert ${unique(n)}`;
    return { path: `/api/sessions/${id}`, body: { title }, verify: async () => fail(await exists(c, 'SELECT 1 FROM session WHERE id = $1 AND title = $2', [id, title]), 'title unchanged') };
  },
  'DELETE /api/sessions/:id': async (c) => {
    const id = await newSession(c, c.conferenceId, { status: 'scheduled' });
    return { path: `/api/sessions/${id}`, verify: async () => fail(!(await exists(c, 'SELECT 1 FROM session WHERE id = $1', [id])), 'still there') };
  },
  ...named('tracks', 'track', 'trackId', 'Spur'),
  ...named('rooms', 'room', 'roomId', 'Raum'),

  'GET /api/conferences/:slug/accessibility': (c) => ({ path: `/api/conferences/${c.slug}/accessibility`, verify: (a) => fail(Array.isArray(a.body.checks) && a.body.checks.length > 0, 'no statement') }),
  'GET /api/conferences/:slug/accessibility#unpublished': (c) => ({ path: `/api/conferences/${c.hiddenSlug}/accessibility`, verify: (a) => fail(Array.isArray(a.body.checks), 'no statement') }),
  'PUT /api/conferences/:slug/accessibility': (c, p, n) => {
    const contact = `Barrierefreiheit ${unique(n)}`;
    return {
      path: `/api/conferences/${c.slug}/accessibility`,
      body: { contact },
      verify: async () => fail(await exists(c, 'SELECT 1 FROM conference_accessibility WHERE conference_id = $1 AND contact = $2', [c.conferenceId, contact]), 'not stored'),
    };
  },
  'GET /api/conferences/:slug/people': (c, p) => ({
    path: `/api/conferences/${c.slug}/people`,
    verify: (a) => {
      const ids = (a.body as { id: string }[]).map((x) => x.id);
      if (!ids.includes(c.ids.speaker!)) return 'the speaker of S is missing';
      if (p !== 'organiser' && p !== 'platform' && ids.includes(c.sessionlessModeratorId)) return 'rule 5: a person on no session is listed publicly';
      return undefined;
    },
  }),
  'GET /api/conferences/:slug/people#unpublished': (c) => ({ path: `/api/conferences/${c.hiddenSlug}/people`, verify: (a) => fail(Array.isArray(a.body), 'no list') }),
  'POST /api/conferences/:slug/people': (c, p, n) => ({
    path: `/api/conferences/${c.slug}/people`,
    body: { name: `Person ${unique(n)}` },
    verify: async (a) => fail(await exists(c, 'SELECT 1 FROM conference_person WHERE conference_id = $1 AND person_id = $2', [c.conferenceId, a.body.id]), 'not on the programme'),
  }),
  ...people('', (c) => [c.conferenceId]),
  ...people('#shared', (c) => [c.conferenceId, c.otherConferenceId]),
  ...people('#foreign', (c) => [c.otherConferenceId]),

  'GET /api/sessions/:id/registration': (c) => ({ path: `/api/sessions/${c.sessionId}/registration`, verify: (a) => fail(typeof a.body.registered === 'boolean', 'no state') }),
  'POST /api/sessions/:id/registration': (c, p) => ({
    path: `/api/sessions/${c.sessionId}/registration`,
    verify: async () => fail(await exists(c, 'SELECT 1 FROM session_registration WHERE session_id = $1 AND person_id = $2', [c.sessionId, c.ids[p]]), 'not registered'),
  }),
  'DELETE /api/sessions/:id/registration': (c, p) => ({
    path: `/api/sessions/${c.sessionId}/registration`,
    verify: async () => fail(!(await exists(c, 'SELECT 1 FROM session_registration WHERE session_id = $1 AND person_id = $2', [c.sessionId, c.ids[p]])), 'still registered'),
  }),
  'PUT /api/sessions/:id/bookmark': (c, p) => ({ path: `/api/sessions/${c.sessionId}/bookmark`, verify: async () => fail(await bookmarked(c, p, c.sessionId), 'no bookmark') }),
  'DELETE /api/sessions/:id/bookmark': (c, p) => ({ path: `/api/sessions/${c.sessionId}/bookmark`, verify: async () => fail(!(await bookmarked(c, p, c.sessionId)), 'bookmark still there') }),
  'GET /api/conferences/:slug/my-agenda': (c) => ({ path: `/api/conferences/${c.slug}/my-agenda`, verify: (a) => fail(Array.isArray(a.body.sessions), 'no agenda') }),
  'GET /api/conferences/:slug/bookmarks': (c) => ({ path: `/api/conferences/${c.slug}/bookmarks`, verify: (a) => fail(Array.isArray(a.body.sessionIds), 'no ids') }),
  'PUT /api/conferences/:slug/bookmarks/:id': async (c, p) => {
    const id = await newSession(c, c.conferenceId, { status: 'scheduled' });
    return { path: `/api/conferences/${c.slug}/bookmarks/${id}`, verify: async () => fail(await bookmarked(c, p, id), 'no bookmark') };
  },
  'DELETE /api/conferences/:slug/bookmarks/:id': async (c, p) => {
    const id = await newSession(c, c.conferenceId, { status: 'scheduled' });
    if (c.ids[p]) await c.db.query('INSERT INTO bookmark (person_id, session_id) VALUES ($1, $2)', [c.ids[p], id]);
    return { path: `/api/conferences/${c.slug}/bookmarks/${id}`, verify: async () => fail(!(await bookmarked(c, p, id)), 'bookmark still there') };
  },

  'POST /api/sessions/:id/start': lifecycle('start', { status: 'scheduled' }, (s) => fail(s.status === 'live', `status ${s.status}`)),
  'POST /api/sessions/:id/end': lifecycle('end', {}, (s) => fail(s.status === 'ended', `status ${s.status}`)),
  'POST /api/sessions/:id/extend': lifecycle('extend', {}, (s, before) => fail(s.ends_at.getTime() - before.ends_at.getTime() === 5 * 60_000, 'not 5 minutes longer'), { minutes: 5 }),
  'POST /api/sessions/:id/delay': lifecycle('delay', { status: 'scheduled' }, (s) => fail(s.delay_minutes === 7, `delay ${s.delay_minutes}`), { minutes: 7 }),
  'POST /api/sessions/:id/cancel': lifecycle('cancel', { status: 'scheduled' }, (s) => fail(s.status === 'cancelled', `status ${s.status}`)),
  'POST /api/sessions/:id/reinstate': lifecycle('reinstate', { status: 'cancelled' }, (s) => fail(s.status === 'scheduled', `status ${s.status}`)),

  'GET /api/conferences/:slug/calendar.ics': (c) => ({ path: `/api/conferences/${c.slug}/calendar.ics`, verify: isCalendar }),
  'GET /api/conferences/:slug/calendar.ics#unpublished': (c) => ({ path: `/api/conferences/${c.hiddenSlug}/calendar.ics`, verify: isCalendar }),
  'GET /api/sessions/:id/calendar.ics': (c) => ({ path: `/api/sessions/${c.sessionId}/calendar.ics`, verify: (a) => isCalendar(a) ?? fail(a.text.includes('BEGIN:VEVENT'), 'no event') }),
  'GET /api/calendar/:feed': (c) => ({ path: c.feedPath, verify: (a) => isCalendar(a) ?? fail(a.text.includes('Aktuelle Stunde'), "the owner's bookmark is missing") ?? fail(!a.text.includes('Unveröffentlichte Sitzung'), 'shows a session of an unpublished conference') }),
  'GET /api/me/calendar-feed': () => ({ path: '/api/me/calendar-feed', verify: (a) => fail(/\/api\/calendar\/.+\.ics$/.test(a.body.url), 'no feed url') }),
  'POST /api/me/calendar-feed': async (c, p) => {
    const before = c.tokens[p] && p !== 'withdrawn' ? (await api(c.app.url, 'GET', '/api/me/calendar-feed', { token: c.tokens[p] })).body.url : undefined;
    return {
      path: '/api/me/calendar-feed',
      verify: async (a) => {
        if (typeof a.body.url !== 'string' || a.body.url === before) return 'no new url';
        const old = await fetch(c.app.url + new URL(before).pathname);
        return fail(old.status === 404, `the old feed still answers ${old.status}`);
      },
    };
  },

  'GET /api/sessions/:id/fishbowl': (c) => ({ path: `/api/sessions/${c.sessionId}/fishbowl`, verify: (a) => fail(a.body.sessionId === c.sessionId && typeof a.body.version === 'number', 'no view') }),
  'GET /api/sessions/:id/fishbowl/full': (c) => ({ path: `/api/sessions/${c.sessionId}/fishbowl/full`, verify: (a) => fail(a.body.sessionId === c.sessionId, 'no view') }),
  'GET /api/sessions/:id/fishbowl/record': (c) => ({ path: `/api/sessions/${c.sessionId}/fishbowl/record`, verify: (a) => fail(typeof a.body === 'object' && !a.body.error, 'no record') }),
  'GET /api/sessions/:id/fishbowl/minutes.md': (c) => ({ path: `/api/sessions/${c.sessionId}/fishbowl/minutes.md`, verify: isText('text/markdown') }),
  'GET /api/sessions/:id/fishbowl/minutes.csv': (c) => ({ path: `/api/sessions/${c.sessionId}/fishbowl/minutes.csv`, verify: isText('text/csv') }),
  'GET /api/sessions/:id/fishbowl/minutes': (c) => ({ path: `/api/sessions/${c.sessionId}/fishbowl/minutes`, verify: isText('text/markdown') }),
  // the session record of every kind (S is a fishbowl: its tables and the questions' table)
  'GET /api/sessions/:id/record': (c) => ({ path: `/api/sessions/${c.sessionId}/record`, verify: (a) => fail(a.body.sessionId === c.sessionId && Array.isArray(a.body.questions) && Array.isArray(a.body.seatings), 'no session record') }),
  'GET /api/sessions/:id/minutes.md': (c) => ({ path: `/api/sessions/${c.sessionId}/minutes.md`, verify: isText('text/markdown') }),
  'GET /api/sessions/:id/minutes.csv': (c) => ({ path: `/api/sessions/${c.sessionId}/minutes.csv?table=questions`, verify: isText('text/csv') }),
  'GET /api/sessions/:id/minutes': (c) => ({ path: `/api/sessions/${c.sessionId}/minutes?format=csv&table=people`, verify: isText('text/csv') }),

  'GET /api/sessions/:id/questions': (c) => ({ path: `/api/sessions/${c.sessionId}/questions`, verify: (a) => fail(a.body.sessionId === c.sessionId && Array.isArray(a.body.questions), 'no questions view') }),
  'GET /api/sessions/:id/questions/record': (c) => ({ path: `/api/sessions/${c.sessionId}/questions/record`, verify: (a) => fail(Array.isArray(a.body), 'no record') }),
  'GET /api/sessions/:id/questions/export': (c) => ({ path: `/api/sessions/${c.sessionId}/questions/export?format=csv`, verify: isText('text/csv') }),
  // polls over HTTP (results for moderators): a poll of S exists first
  'GET /api/sessions/:id/polls/record': async (c) => ({ path: `/api/sessions/${c.sessionId}/polls/record`, verify: async (a) => fail((await accessPoll(c)) && a.body.polls?.some((p: { pollId: string }) => p.pollId === ACCESS_POLL), 'no poll in the record') }),
  'GET /api/sessions/:id/polls/minutes.md': async (c) => (await accessPoll(c), { path: `/api/sessions/${c.sessionId}/polls/minutes.md`, verify: isText('text/markdown') }),
  'GET /api/sessions/:id/polls/minutes.csv': async (c) => (await accessPoll(c), { path: `/api/sessions/${c.sessionId}/polls/minutes.csv`, verify: isText('text/csv') }),
  'GET /api/sessions/:id/polls/:pollId/result': async (c) => (await accessPoll(c), { path: `/api/sessions/${c.sessionId}/polls/${ACCESS_POLL}/result`, verify: (a) => fail(a.body.pollId === ACCESS_POLL && Array.isArray(a.body.results?.rows), 'no result') }),
  'GET /api/sessions/:id/polls/:pollId/result.csv': async (c) => (await accessPoll(c), { path: `/api/sessions/${c.sessionId}/polls/${ACCESS_POLL}/result.csv`, verify: isText('text/csv') }),
  'GET /api/conferences/:slug/chat-settings': (c) => ({ path: `/api/conferences/${c.slug}/chat-settings`, verify: (a) => fail(Number.isInteger(a.body.chatRetentionDays), 'no retention') }),
  'PUT /api/conferences/:slug/chat-settings': (c, p, n) => {
    const days = 2 + (n % 300);
    return {
      path: `/api/conferences/${c.slug}/chat-settings`,
      body: { chatRetentionDays: days },
      verify: async (a) => fail(a.body.chatRetentionDays === days && (await exists(c, 'SELECT 1 FROM conference WHERE id = $1 AND chat_retention_days = $2', [c.conferenceId, days])), 'retention not stored'),
    };
  },
};

const ACCESS_POLL = 'access';
/** One open poll on S, created by the organiser through the store (once; later calls find it). */
async function accessPoll(c: Parameters<Prepare>[0]): Promise<true> {
  const store = c.app.podium.app.get(PollsStore);
  if ((await store.current(c.sessionId)).polls.has(ACCESS_POLL)) return true;
  const actor = { personId: c.ids.organiser!, displayName: 'Orga', role: 'organiser' as const };
  const options = [{ id: 'ja', label: 'Ja' }, { id: 'nein', label: 'Nein' }];
  await store.submit(c.sessionId, { type: 'create', actor, pollId: ACCESS_POLL, settings: { question: 'Zugriff?', options } });
  await store.submit(c.sessionId, { type: 'open', actor, pollId: ACCESS_POLL });
  return true;
}

/** A booth of A staffed by the moderator persona (already in it unless `staffIn: false`); its live row exists. */
async function booth(c: Cast, options: { capacity?: number; staffIn?: boolean } = {}) {
  const store = c.app.podium.app.get(BoothStore);
  const [row] = await c.db.query(`INSERT INTO booth (conference_id, name, capacity) VALUES ($1, 'Stand der Initiative', $2) RETURNING id`, [c.conferenceId, options.capacity ?? 6]);
  await c.db.query(`INSERT INTO booth_staff (booth_id, person_id) VALUES ($1, $2)`, [row.id, c.ids.moderator]);
  const as = (personId: string, staff: boolean) => (command: Record<string, unknown>) => store.submit(row.id, { ...command, actor: { personId, displayName: 'Person', staff } } as unknown as BoothCommand);
  await store.current(row.id);
  if (options.staffIn !== false) await as(c.ids.moderator!, true)({ type: 'staff-enter' });
  return { id: row.id as string, as, state: () => store.current(row.id) };
}

/** Opts a person of A in to the directory (as PUT …/directory/me would). */
async function listed(c: Cast, personId: string): Promise<void> {
  await c.db.query(
    `INSERT INTO directory_entry (conference_id, person_id, organisation, contact) VALUES ($1, $2, 'Verein', $3) ON CONFLICT (conference_id, person_id) DO NOTHING`,
    [c.conferenceId, personId, `${personId.slice(0, 8)}@example.org`],
  );
}

/** The victim asks `personId` (both opted in); a pending request, its id. */
async function asked(c: Cast, personId: string): Promise<string> {
  await listed(c, c.victimId);
  await listed(c, personId);
  const [row] = await c.db.query(
    `INSERT INTO contact_request (conference_id, from_person, to_person) VALUES ($1, $2, $3)
     ON CONFLICT (conference_id, from_person, to_person) DO UPDATE SET status = 'pending', answered_at = NULL RETURNING id`,
    [c.conferenceId, c.victimId, personId],
  );
  return row.id;
}

/** A fresh speed-networking run of S (the organiser's), these people listed and taking part; `started`: round one runs. */
async function speedRun(c: Cast, present: string[] = [], started = false): Promise<string> {
  const [row] = await c.db.query(`INSERT INTO speed_networking (conference_id, session_id, minutes, rounds, seed, started_at, created_by) VALUES ($1, $2, 5, 3, 7, $3, $4) RETURNING id`, [
    c.conferenceId,
    c.sessionId,
    started ? new Date() : null,
    c.ids.organiser,
  ]);
  for (const personId of present) {
    await listed(c, personId);
    await c.db.query('INSERT INTO speed_participant (speed_id, person_id) VALUES ($1, $2)', [row.id, personId]);
  }
  return row.id;
}
