import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeliveryProgress, MailState } from '@podium/contracts';
import type { MailKind, MailLanguage, MailTemplate, ParticipantRow } from '@podium/identity';

/** A person on the list with their latest invitation mail. */
export interface DeliveryRow {
  person_id: string;
  display_name: string;
  email: string | null;
  organisation: string | null;
  function: string | null;
  role: string;
  language: MailLanguage;
  state: MailState | null;
  attempts: number | null;
  last_error: string | null;
  sent_at: Date | null;
  signed_in: boolean;
  doubted: boolean | null;
  erasure_requested_at: Date | null;
}

/** The participant list's SQL (mail_participant, its people, templates and erasure requests); writes take the caller's transaction. */
@Injectable()
export class ParticipantsRepository {
  constructor(private readonly db: DataSource) {}

  /** Two imports of one list at once would both pass the duplicate check: one conference imports at a time. */
  async lockImport(m: EntityManager, conferenceId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('mail-import:' || $1))`, [conferenceId]);
  }

  /** The addresses already on the list, lower case. */
  async emails(conferenceId: string, m = this.db.manager): Promise<string[]> {
    const known: { email: string }[] = await m.query(
      `SELECT lower(p.email) AS email FROM mail_participant mp JOIN person p ON p.id = mp.person_id WHERE mp.conference_id = $1 AND p.email IS NOT NULL`,
      [conferenceId],
    );
    return known.map((k) => k.email);
  }

  /** New person rows for the list's rows; their ids by address. */
  async insertPeople(m: EntityManager, rows: ParticipantRow[]): Promise<Map<string, string>> {
    const people: { id: string; email: string }[] = await m.query(
      `INSERT INTO person (display_name, email, organisation, function)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) RETURNING id, email`,
      [rows.map((r) => r.name), rows.map((r) => r.email), rows.map((r) => r.organisation), rows.map((r) => r.function)],
    );
    return new Map(people.map((p) => [p.email, p.id]));
  }

  async insertRoles(m: EntityManager, conferenceId: string, ids: string[], rows: ParticipantRow[]): Promise<void> {
    await m.query(`INSERT INTO conference_role (conference_id, person_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::text[])`, [conferenceId, ids, rows.map((r) => r.role)]);
  }

  async insertParticipants(m: EntityManager, conferenceId: string, ids: string[], rows: ParticipantRow[]): Promise<void> {
    await m.query(`INSERT INTO mail_participant (conference_id, person_id, role, language) SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[])`, [
      conferenceId,
      ids,
      rows.map((r) => r.role),
      rows.map((r) => r.language),
    ]);
  }

  async isParticipant(m: EntityManager, conferenceId: string, personId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM mail_participant WHERE conference_id = $1 AND person_id = $2`, [conferenceId, personId]);
    return rows.length > 0;
  }

  /** Withdraws the person's sign-in links of this conference. */
  async revokeLinks(m: EntityManager, conferenceId: string, personId: string): Promise<void> {
    await m.query(`UPDATE invitation SET revoked_at = now() WHERE person_id = $1 AND conference_id = $2 AND revoked_at IS NULL`, [personId, conferenceId]);
  }

  /** The person's mails of this conference not yet sent, or in doubt. */
  async withdrawMails(m: EntityManager, conferenceId: string, personId: string): Promise<void> {
    await m.query(`UPDATE mail_outbox SET state = 'withdrawn' WHERE person_id = $1 AND conference_id = $2 AND state IN ('queued', 'in_doubt')`, [personId, conferenceId]);
  }

  /** A new generation: a new idempotency key for the person's mails. */
  async nextGeneration(conferenceId: string, personId: string): Promise<void> {
    await this.db.query(`UPDATE mail_participant SET generation = generation + 1 WHERE conference_id = $1 AND person_id = $2`, [conferenceId, personId]);
  }

  /** The list with each person's latest invitation mail (a "send again" makes a newer one). */
  deliveries(conferenceId: string): Promise<DeliveryRow[]> {
    return this.db.query(
      `SELECT mp.person_id, p.display_name, p.email, p.organisation, p.function, mp.role, mp.language,
              o.state, o.attempts, o.last_error, o.sent_at, o.doubted, COALESCE(i.last_used_at IS NOT NULL, false) AS signed_in, e.requested_at AS erasure_requested_at
         FROM mail_participant mp JOIN person p ON p.id = mp.person_id
         LEFT JOIN erasure_request e ON e.person_id = mp.person_id
         LEFT JOIN LATERAL (SELECT * FROM mail_outbox o WHERE o.conference_id = mp.conference_id AND o.person_id = mp.person_id AND o.kind = 'invitation'
                             ORDER BY o.created_at DESC LIMIT 1) o ON true
         LEFT JOIN invitation i ON i.id = o.invitation_id
        WHERE mp.conference_id = $1 ORDER BY p.display_name, p.id`,
      [conferenceId],
    );
  }

  async progress(conferenceId: string): Promise<DeliveryProgress> {
    const [row] = await this.db.query(
      `SELECT (SELECT count(*) FROM mail_participant WHERE conference_id = $1)::int AS people,
              count(*) FILTER (WHERE o.state = 'queued')::int AS queued,
              count(*) FILTER (WHERE o.state = 'sent')::int AS sent,
              count(*) FILTER (WHERE o.state = 'failed')::int AS failed,
              count(*) FILTER (WHERE o.state = 'withdrawn')::int AS withdrawn,
              count(*) FILTER (WHERE o.state = 'sending')::int AS sending,
              count(*) FILTER (WHERE o.state = 'in_doubt')::int AS "inDoubt",
              count(*) FILTER (WHERE i.last_used_at IS NOT NULL)::int AS "signedIn"
         FROM mail_outbox o LEFT JOIN invitation i ON i.id = o.invitation_id
        WHERE o.conference_id = $1 AND o.kind = 'invitation'`,
      [conferenceId],
    );
    return row;
  }

  /** The organiser's saved templates (the defaults are not stored). */
  templates(conferenceId: string): Promise<{ kind: MailKind; language: MailLanguage; subject: string; body: string }[]> {
    return this.db.query(`SELECT kind, language, subject, body FROM mail_template WHERE conference_id = $1`, [conferenceId]);
  }

  async saveTemplate(conferenceId: string, kind: MailKind, language: MailLanguage, template: MailTemplate): Promise<void> {
    await this.db.query(
      `INSERT INTO mail_template (conference_id, kind, language, subject, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (conference_id, kind, language) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = now()`,
      [conferenceId, kind, language, template.subject, template.body],
    );
  }

  /** When the person first asked for erasure (asking again keeps it). */
  async requestErasure(personId: string): Promise<Date> {
    const [row]: { requested_at: Date }[] = await this.db.query(
      `INSERT INTO erasure_request (person_id) VALUES ($1) ON CONFLICT (person_id) DO UPDATE SET person_id = EXCLUDED.person_id RETURNING requested_at`,
      [personId],
    );
    return row.requested_at;
  }

  /** Withdraws every sign-in link of the person, of every conference. */
  async revokeAllLinks(m: EntityManager, personId: string): Promise<void> {
    await m.query(`UPDATE invitation SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL`, [personId]);
  }

  async deleteMails(m: EntityManager, personId: string): Promise<void> {
    await m.query(`DELETE FROM mail_outbox WHERE person_id = $1`, [personId]);
  }

  async deleteParticipant(m: EntityManager, personId: string): Promise<void> {
    await m.query(`DELETE FROM mail_participant WHERE person_id = $1`, [personId]);
  }

  async deleteErasureRequest(m: EntityManager, personId: string): Promise<void> {
    await m.query(`DELETE FROM erasure_request WHERE person_id = $1`, [personId]);
  }

  /** The person row stays (minutes and votes mention it), without name, address, function or organisation. */
  async anonymise(m: EntityManager, personId: string): Promise<void> {
    await m.query(`UPDATE person SET display_name = 'Gelöschte Person', email = NULL, function = NULL, organisation = NULL, external_id = NULL WHERE id = $1`, [personId]);
  }
}
