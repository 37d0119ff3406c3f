import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainError } from '@podium/contracts';
import {
  INVITATION_TOKEN_BYTES,
  INVITATION_TOKEN_PATTERN,
  invitationProblem,
  normaliseDisplayName,
  sameDisplayName,
  type ConferenceRole,
  type RoleSet,
  type SessionRole,
} from '@podium/identity';
import { RUNTIME, type Runtime } from '../runtime';
import { ConferenceRoleEntity } from './entities/conference-role.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { PersonEntity } from './entities/person.entity';
import { SessionTokens, type SessionClaims } from './session-tokens';
import type { Principal } from './principal';

export interface NewPerson {
  displayName: string;
  email?: string | null;
  function?: string | null;
  organisation?: string | null;
}

export interface IssuedInvitation {
  invitationId: string;
  personId: string;
  link: string;
  expiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface AuthRow {
  display_name: string;
  is_guest: boolean;
  invitation_found: boolean;
  revoked_at: Date | null;
  conference_roles: { c: string | null; r: ConferenceRole }[];
  session_roles: SessionRole[];
}

function toRoleSet(conferenceRoles: AuthRow['conference_roles'], sessionRoles: SessionRole[], guest: boolean): RoleSet {
  return {
    platformOrganiser: conferenceRoles.some((r) => r.c === null && r.r === 'organiser'),
    conference: new Set(conferenceRoles.filter((r) => r.c !== null).map((r) => r.r)),
    session: new Set(sessionRoles),
    guest,
  };
}

/** People, roles, invitation links and guest access: the edge around @podium/identity. */
@Injectable()
export class IdentityService {
  private readonly logger = new Logger('identity');

  constructor(
    private readonly db: DataSource,
    private readonly tokens: SessionTokens,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async createPerson(input: NewPerson, manager: EntityManager = this.db.manager, guest = false): Promise<PersonEntity> {
    const displayName = normaliseDisplayName(input.displayName);
    if (!displayName) throw new DomainError('VALIDATION', 'displayName must be 1 to 80 visible characters', { field: 'displayName' });
    return manager.getRepository(PersonEntity).save({
      displayName,
      email: input.email ?? null,
      function: input.function ?? null,
      organisation: input.organisation ?? null,
      isGuest: guest,
    });
  }

  async grantConferenceRole(personId: string, conferenceId: string | null, role: ConferenceRole, manager: EntityManager = this.db.manager) {
    const repo = manager.getRepository(ConferenceRoleEntity);
    const existing = await repo.findOne({ where: { personId, role, conferenceId: conferenceId ?? IsNull() } });
    if (!existing) await repo.save({ personId, conferenceId, role });
  }

  /**
   * Creates a NEW person with a role and a sign-in link, whatever the e-mail address: an invitation
   * never opens an existing account nor tells whether an address is known. The link is logged in development.
   */
  async invite(
    input: NewPerson & { role: ConferenceRole; conferenceId: string | null; createdBy?: string | null },
  ): Promise<IssuedInvitation> {
    const issued = await this.db.transaction(async (manager) => {
      const person = await this.createPerson(input, manager);
      await this.grantConferenceRole(person.id, input.conferenceId, input.role, manager);
      return this.issueLink({ personId: person.id, conferenceId: input.conferenceId, role: input.role, createdBy: input.createdBy ?? null }, manager);
    });
    if (this.runtime.config.env !== 'production') {
      this.logger.log({ msg: 'invitation link (development only)', role: input.role, person: input.displayName, link: issued.link });
    }
    return issued;
  }

  /** A new sign-in link for an existing person (the CLI, the invite form and invitation mails all make links here). */
  async issueLink(
    input: { personId: string; conferenceId: string | null; role: ConferenceRole; createdBy: string | null },
    manager: EntityManager = this.db.manager,
    /** A token made elsewhere (invitation mails derive theirs, so a mail in doubt can be sent again unchanged). */
    token: string = randomBytes(INVITATION_TOKEN_BYTES).toString('base64url'),
  ): Promise<IssuedInvitation> {
    const expiresAt = new Date(Date.now() + this.runtime.config.invitationTtlHours * 3600_000);
    const invitation = await manager.getRepository(InvitationEntity).save({
      tokenHash: hashToken(token),
      personId: input.personId,
      conferenceId: input.conferenceId,
      role: input.role,
      createdBy: input.createdBy,
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
    });
    return { invitationId: invitation.id, personId: input.personId, link: this.signInLink(token), expiresAt };
  }

  signInLink(token: string): string {
    return `${this.runtime.config.publicUrl}/signin/${token}`;
  }

  async revokeInvitation(invitationId: string, conferenceId: string | null): Promise<void> {
    const repo = this.db.getRepository(InvitationEntity);
    const invitation = await repo.findOne({ where: { id: invitationId } });
    if (!invitation || (conferenceId !== null && invitation.conferenceId !== conferenceId)) {
      throw new DomainError('NOT_FOUND', 'No such invitation');
    }
    if (!invitation.revokedAt) await repo.update({ id: invitationId }, { revokedAt: new Date() });
  }

  /** Exchanges an invitation secret for a session token. Links stay usable until they expire or are revoked. */
  async redeem(token: string): Promise<{ token: string; person: PersonEntity }> {
    if (!INVITATION_TOKEN_PATTERN.test(token)) throw new DomainError('UNAUTHENTICATED', 'This sign-in link is not valid');
    const repo = this.db.getRepository(InvitationEntity);
    const invitation = await repo.findOne({ where: { tokenHash: hashToken(token) } });
    if (!invitation) throw new DomainError('UNAUTHENTICATED', 'This sign-in link is not valid');
    const problem = invitationProblem(invitation, new Date());
    if (problem === 'expired') throw new DomainError('UNAUTHENTICATED', 'This sign-in link has expired; ask the organisers for a new one', { link: 'expired' });
    if (problem === 'revoked') throw new DomainError('UNAUTHENTICATED', 'This sign-in link has been withdrawn', { link: 'revoked' });
    const person = await this.db.getRepository(PersonEntity).findOneByOrFail({ id: invitation.personId });
    await repo.update({ id: invitation.id }, { lastUsedAt: new Date() });
    return { token: await this.tokens.sign({ sub: person.id, inv: invitation.id }), person };
  }

  /** A guest of one conference; refused (409) under the name of a non-guest person of that conference. */
  async signInGuest(conferenceId: string, displayName: string): Promise<{ token: string; person: { id: string; displayName: string } }> {
    const name = normaliseDisplayName(displayName);
    if (!name) throw new DomainError('VALIDATION', 'displayName must be 1 to 80 visible characters', { field: 'displayName' });
    const people: { display_name: string }[] = await this.db.query(
      `SELECT DISTINCT p.display_name FROM person p
        WHERE NOT p.is_guest AND (
              p.id IN (SELECT r.person_id FROM conference_role r WHERE r.conference_id = $1)
           OR p.id IN (SELECT sp.person_id FROM session_person sp JOIN session s ON s.id = sp.session_id WHERE s.conference_id = $1)
           OR p.id IN (SELECT cp.person_id FROM conference_person cp WHERE cp.conference_id = $1))`,
      [conferenceId],
    );
    if (people.some((p) => sameDisplayName(p.display_name, name))) {
      throw new DomainError('CONFLICT', 'This name belongs to a person of this conference; please add something, e.g. your organisation', { field: 'displayName' });
    }
    // One statement, so atomic without a transaction: a hall burst pays one round trip here, not five.
    const rows: { id: string }[] = await this.db.query(
      `WITH created AS (INSERT INTO person (display_name, is_guest) VALUES ($1, true) RETURNING id)
       INSERT INTO conference_role (conference_id, person_id, role) SELECT $2, id, 'attendee' FROM created RETURNING person_id AS id`,
      [name, conferenceId],
    );
    const person = { id: rows[0].id, displayName: name };
    return { token: await this.tokens.sign({ sub: person.id, guest: true }), person };
  }

  /** Checks a session token against the database: the person exists and the invitation still stands. */
  async authenticate(token: string): Promise<Principal> {
    return (await this.authenticateWithRoles(token, null, null)).principal;
  }

  /**
   * Token, person, invitation and roles in ONE query: this runs on every request of a join storm,
   * where each database round trip counts.
   */
  async authenticateWithRoles(
    token: string | SessionClaims,
    conferenceId: string | null,
    sessionId: string | null,
  ): Promise<{ principal: Principal; roles: RoleSet }> {
    const claims = typeof token === 'string' ? await this.tokens.verify(token) : token;
    const rows: AuthRow[] = await this.db.query(
      `SELECT p.display_name, p.is_guest,
              i.id IS NOT NULL AS invitation_found, i.revoked_at,
              COALESCE((SELECT json_agg(json_build_object('c', r.conference_id, 'r', r.role)) FROM conference_role r
                         WHERE r.person_id = p.id AND (r.conference_id IS NULL OR r.conference_id = $3::uuid)), '[]') AS conference_roles,
              COALESCE((SELECT json_agg(sp.role) FROM session_person sp WHERE sp.person_id = p.id AND sp.session_id = $4::uuid), '[]') AS session_roles
         FROM person p LEFT JOIN invitation i ON i.id = $2::uuid AND i.person_id = p.id
        WHERE p.id = $1::uuid`,
      [claims.sub, claims.inv ?? null, conferenceId, sessionId],
    );
    const row = rows[0];
    if (!row) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
    if (claims.inv && (!row.invitation_found || row.revoked_at)) {
      throw new DomainError('UNAUTHENTICATED', 'The invitation behind this session has been withdrawn');
    }
    const principal = { personId: claims.sub, displayName: row.display_name, guest: row.is_guest };
    return { principal, roles: toRoleSet(row.conference_roles, row.session_roles, row.is_guest) };
  }

  /** The roles a person holds on a conference and, if given, on one of its sessions. */
  async rolesFor(personId: string, conferenceId: string | null, sessionId: string | null, guest = false): Promise<RoleSet> {
    const rows: Pick<AuthRow, 'conference_roles' | 'session_roles'>[] = await this.db.query(
      `SELECT COALESCE((SELECT json_agg(json_build_object('c', r.conference_id, 'r', r.role)) FROM conference_role r
                         WHERE r.person_id = $1::uuid AND (r.conference_id IS NULL OR r.conference_id = $2::uuid)), '[]') AS conference_roles,
              COALESCE((SELECT json_agg(sp.role) FROM session_person sp WHERE sp.person_id = $1::uuid AND sp.session_id = $3::uuid), '[]') AS session_roles`,
      [personId, conferenceId, sessionId],
    );
    return toRoleSet(rows[0].conference_roles, rows[0].session_roles, guest);
  }

  /**
   * Of these sessions (person, invitation), the ones that no longer stand, with the reason: one query for all the
   * sockets of a process (see realtime/socket-recheck.ts). Keyed `personId invitationId`.
   */
  async invalidSessions(sessions: ReadonlyArray<{ personId: string; invitationId: string | null }>): Promise<Map<string, string>> {
    const people = [...new Set(sessions.map((s) => s.personId))];
    const invitations = [...new Set(sessions.flatMap((s) => (s.invitationId ? [s.invitationId] : [])))];
    const [alive, withdrawn]: [{ id: string }[], { id: string }[]] = await Promise.all([
      this.db.query(`SELECT id FROM person WHERE id = ANY($1::uuid[])`, [people]),
      this.db.query(`SELECT id FROM invitation WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL`, [invitations]).then((standing: { id: string }[]) => {
        const ok = new Set(standing.map((r) => r.id));
        return invitations.filter((id) => !ok.has(id)).map((id) => ({ id }));
      }),
    ]);
    const living = new Set(alive.map((r) => r.id));
    const revoked = new Set(withdrawn.map((r) => r.id));
    const invalid = new Map<string, string>();
    for (const s of sessions) {
      const key = `${s.personId} ${s.invitationId ?? ''}`;
      if (!living.has(s.personId)) invalid.set(key, 'This account no longer exists');
      else if (s.invitationId && revoked.has(s.invitationId)) invalid.set(key, 'The invitation behind this session has been withdrawn');
    }
    return invalid;
  }

  async describe(personId: string) {
    // Person and roles in one round trip: every page load asks this.
    const rows: { display_name: string; function: string | null; organisation: string | null; is_guest: boolean; roles: { slug: string | null; role: ConferenceRole }[] }[] =
      await this.db.query(
        `SELECT p.display_name, p.function, p.organisation, p.is_guest,
                COALESCE((SELECT json_agg(json_build_object('slug', c.slug, 'role', r.role) ORDER BY c.slug NULLS FIRST, r.role)
                            FROM conference_role r LEFT JOIN conference c ON c.id = r.conference_id WHERE r.person_id = p.id), '[]') AS roles
           FROM person p WHERE p.id = $1`,
        [personId],
      );
    const person = rows[0];
    if (!person) throw new DomainError('NOT_FOUND', 'No such person');
    return {
      person: { id: personId, displayName: person.display_name, function: person.function, organisation: person.organisation, guest: person.is_guest },
      roles: person.roles.map((r) => ({ conference: r.slug, role: r.role })),
    };
  }
}
