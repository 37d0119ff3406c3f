// The people and places of the access matrix: conferences A (under test), B (another), U (unpublished), and one person per persona.
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { IdentityService } from '../../../apps/api/src/identity/identity.service';
import { api, type TestApp } from '../../support/app';
import { PERSONAS, type Persona } from './expected-access';

export interface Cast {
  app: TestApp;
  db: DataSource;
  slug: string;
  otherSlug: string;
  hiddenSlug: string;
  conferenceId: string;
  otherConferenceId: string;
  /** S: the live fishbowl session of A the session roles and the removal refer to. */
  sessionId: string;
  tokens: Record<Persona, string | undefined>;
  /** Person ids (anonymous has none). */
  ids: Record<Persona, string | undefined>;
  /** The secret of the invited person's unredeemed link. */
  invitedSecret: string;
  /** A bystander attendee of A: the target of moderator actions, owner of the calendar feed. */
  victimId: string;
  victimToken: string;
  feedPath: string;
  /** Invited to A as moderator but on no session: not in the public people list (rule 5). */
  sessionlessModeratorId: string;
  platformEmail: string;
}

async function conference(db: DataSource, slug: string, title: string, published: boolean): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO conference (slug, title, start_date, end_date, timezone, allow_guests, published) VALUES ($1, $2, current_date - 1, current_date + 80, 'Europe/Berlin', true, $3) RETURNING id`,
    [slug, title, published],
  );
  return row.id;
}

let slots = 0;

/**
 * A session of A (or B) where the speaker/moderator personas hold the same roles as on S and the removed
 * persona is banned. Each gets its own two hours from 3 h on, so no two overlap (no person conflicts).
 */
export async function newSession(cast: Pick<Cast, 'db' | 'ids'>, conferenceId: string, options: { status?: string; startMinutes?: number; title?: string } = {}): Promise<string> {
  const startMinutes = options.startMinutes ?? 180 + 150 * slots++;
  const [s] = await cast.db.query(
    `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, livestream, status)
     VALUES ($1, 'fishbowl', $2, now() + make_interval(mins => $3::int), now() + make_interval(mins => $3::int + 120), true, $4) RETURNING id`,
    [conferenceId, options.title ?? 'Aktuelle Stunde', startMinutes, options.status ?? 'live'],
  );
  if (cast.ids.speaker) await cast.db.query(`INSERT INTO session_person (session_id, person_id, role, position) VALUES ($1, $2, 'speaker', 1)`, [s.id, cast.ids.speaker]);
  if (cast.ids.moderator) await cast.db.query(`INSERT INTO session_person (session_id, person_id, role, position) VALUES ($1, $2, 'moderator', 0)`, [s.id, cast.ids.moderator]);
  if (cast.ids.removed) await cast.db.query(`INSERT INTO livestream_ban (session_id, person_id, banned_by) VALUES ($1, $2, $3)`, [s.id, cast.ids.removed, cast.ids.moderator ?? null]);
  return s.id;
}

/** A person with no account roles, on the programme of the given conferences. */
export async function programmePerson(db: DataSource, name: string, conferenceIds: string[]): Promise<string> {
  const [p] = await db.query(`INSERT INTO person (display_name) VALUES ($1) RETURNING id`, [name]);
  for (const c of conferenceIds) await db.query(`INSERT INTO conference_person (conference_id, person_id, position) VALUES ($1, $2, 0)`, [c, p.id]);
  return p.id;
}

async function enlist(app: TestApp, role: 'attendee' | 'moderator' | 'organiser', name: string, conferenceId: string | null) {
  const invitation = await app.podium.app.get(IdentityService).invite({ displayName: name, role, conferenceId });
  const secret = invitation.link.split('/signin/')[1];
  const res = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: secret } });
  if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token as string, personId: invitation.personId, invitationId: invitation.invitationId, secret };
}

async function guestOf(app: TestApp, slug: string, name: string) {
  const res = await api(app.url, 'POST', `/api/conferences/${slug}/guests`, { body: { displayName: name } });
  if (res.status !== 201) throw new Error(`guest sign-in to ${slug} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token as string, personId: res.body.person.id as string };
}

export async function createCast(app: TestApp): Promise<Cast> {
  const db = app.podium.dataSource;
  const identity = app.podium.app.get(IdentityService);
  const slug = `mx-${randomBytes(3).toString('hex')}`;
  const otherSlug = `${slug}-b`;
  const hiddenSlug = `${slug}-u`;
  const conferenceId = await conference(db, slug, 'Sicherheit', true);
  const otherConferenceId = await conference(db, otherSlug, 'Andere', true);
  const hiddenConferenceId = await conference(db, hiddenSlug, 'Unveröffentlicht', false);

  const tokens = Object.fromEntries(PERSONAS.map((p) => [p, undefined])) as Cast['tokens'];
  const ids = Object.fromEntries(PERSONAS.map((p) => [p, undefined])) as Cast['ids'];
  const put = (p: Persona, who: { token?: string; personId: string }) => {
    tokens[p] = who.token;
    ids[p] = who.personId;
  };
  put('guest', await guestOf(app, slug, 'Gast Sicherheit'));
  put('otherGuest', await guestOf(app, otherSlug, 'Gast Andere'));
  for (const p of ['attendee', 'speaker', 'moderator', 'removed'] as const) put(p, await enlist(app, 'attendee', `Persona ${p}`, conferenceId));
  put('organiser', await enlist(app, 'organiser', 'Persona organiser', conferenceId));
  put('otherOrganiser', await enlist(app, 'organiser', 'Persona otherOrganiser', otherConferenceId));
  put('otherModerator', await enlist(app, 'attendee', 'Persona otherModerator', otherConferenceId));
  put('platform', await enlist(app, 'organiser', 'Persona platform', null));
  const withdrawn = await enlist(app, 'attendee', 'Persona withdrawn', conferenceId);
  put('withdrawn', withdrawn);
  await identity.revokeInvitation(withdrawn.invitationId, null);
  const invited = await identity.invite({ displayName: 'Persona invited', role: 'attendee', conferenceId });
  ids.invited = invited.personId;

  const sessionId = await newSession({ db, ids }, conferenceId, { startMinutes: -12 });
  const otherSessionId = await newSession({ db, ids: {} as Cast['ids'] }, otherConferenceId);
  await db.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'moderator')`, [otherSessionId, ids.otherModerator]);
  const platformEmail = `plattform-${randomBytes(3).toString('hex')}@example.org`;
  await db.query('UPDATE person SET email = $2 WHERE id = $1', [ids.platform, platformEmail]);

  const victim = await enlist(app, 'attendee', 'Persona victim', conferenceId);
  await db.query('INSERT INTO bookmark (person_id, session_id) VALUES ($1, $2)', [victim.personId, sessionId]);
  // Bookmarked while U was public, say: U's session must not show in the victim's feed now.
  const hiddenSessionId = await newSession({ db, ids: {} as Cast['ids'] }, hiddenConferenceId, { title: 'Unveröffentlichte Sitzung' });
  await db.query('INSERT INTO bookmark (person_id, session_id) VALUES ($1, $2)', [victim.personId, hiddenSessionId]);
  const feed = await api(app.url, 'GET', '/api/me/calendar-feed', { token: victim.token });
  if (feed.status !== 200) throw new Error(`no calendar feed: ${feed.status}`);
  const sessionless = await identity.invite({ displayName: 'Eingeladene Moderatorin', role: 'moderator', conferenceId });

  return {
    app,
    db,
    slug,
    otherSlug,
    hiddenSlug,
    conferenceId,
    otherConferenceId,
    sessionId,
    tokens,
    ids,
    invitedSecret: invited.link.split('/signin/')[1],
    victimId: victim.personId,
    victimToken: victim.token,
    feedPath: new URL(feed.body.url).pathname,
    sessionlessModeratorId: sessionless.personId,
    platformEmail,
  };
}
