import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type DeliveryProgress, type MailState, type ImportPreview, type ParticipantDelivery } from '@podium/contracts';
import { DEFAULT_TEMPLATES, MAIL_KINDS, personEditProblem, readParticipantList, templateProblem, type MailKind, type MailLanguage, type MailTemplate, type ParticipantList } from '@podium/identity';
import { MailOutbox } from './mail-outbox';
import { personTenancy } from '../programme/people-repository';

interface DeliveryRow {
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

/** Participant lists, invitation mails and their delivery state for organisers of one conference. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: MailOutbox,
  ) {}

  /** Every problem of the list, per row, including addresses already on this conference's list; writes nothing. */
  async preview(conferenceId: string, csv: string): Promise<ImportPreview> {
    const list = await this.check(conferenceId, csv);
    return { valid: list.rows.length, errors: list.errors, people: list.rows };
  }

  /** All or nothing: a list with any error writes nothing; a good one is written in one transaction. */
  async import(conferenceId: string, csv: string): Promise<{ imported: number }> {
    return this.db.transaction(async (m) => {
      // Two imports of one list at once would both pass the duplicate check: one conference imports at a time.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('mail-import:' || $1))`, [conferenceId]);
      const list = await this.check(conferenceId, csv, m);
      if (list.errors.length > 0) throw new DomainError('VALIDATION', `The list has ${list.errors.length} error(s); nothing was imported`, { errors: list.errors });
      if (list.rows.length === 0) throw new DomainError('VALIDATION', 'The list has nobody on it');
      const rows = list.rows;
      const people: { id: string; email: string }[] = await m.query(
        `INSERT INTO person (display_name, email, organisation, function)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) RETURNING id, email`,
        [rows.map((r) => r.name), rows.map((r) => r.email), rows.map((r) => r.organisation), rows.map((r) => r.function)],
      );
      const idByEmail = new Map(people.map((p) => [p.email, p.id]));
      const ids = rows.map((r) => idByEmail.get(r.email)!);
      await m.query(`INSERT INTO conference_role (conference_id, person_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::text[])`, [conferenceId, ids, rows.map((r) => r.role)]);
      await m.query(`INSERT INTO mail_participant (conference_id, person_id, role, language) SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[])`, [
        conferenceId,
        ids,
        rows.map((r) => r.role),
        rows.map((r) => r.language),
      ]);
      return { imported: rows.length };
    });
  }

  private async check(conferenceId: string, csv: string, m = this.db.manager): Promise<ParticipantList> {
    const list = readParticipantList(csv);
    const known: { email: string }[] = await m.query(
      `SELECT lower(p.email) AS email FROM mail_participant mp JOIN person p ON p.id = mp.person_id WHERE mp.conference_id = $1 AND p.email IS NOT NULL`,
      [conferenceId],
    );
    const taken = new Set(known.map((k) => k.email));
    const again = list.rows.filter((r) => taken.has(r.email));
    const errors = [...list.errors, ...again.map((r) => ({ line: r.line, field: 'email', message: 'This address is already on the list of this conference' }))];
    errors.sort((a, b) => a.line - b.line);
    return { rows: list.rows.filter((r) => !taken.has(r.email)), errors };
  }

  /** Queues one mail per person and kind; queuing again is a no-op (same idempotency key). Invitations bring a reminder the day before. */
  async send(conferenceId: string, kind: MailKind, personIds: string[] | null): Promise<{ queued: number }> {
    const queued = await this.outbox.enqueue(conferenceId, kind, personIds);
    this.outbox.kick();
    return { queued };
  }

  /** Withdraws a person's links of this conference and their mails not yet sent (or in doubt: "send again" resolves those). */
  async withdraw(conferenceId: string, personId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.participantOrFail(conferenceId, personId, m);
      await m.query(`UPDATE invitation SET revoked_at = now() WHERE person_id = $1 AND conference_id = $2 AND revoked_at IS NULL`, [personId, conferenceId]);
      await m.query(`UPDATE mail_outbox SET state = 'withdrawn' WHERE person_id = $1 AND conference_id = $2 AND state IN ('queued', 'in_doubt')`, [personId, conferenceId]);
    });
  }

  /** A new invitation with a new link (the old ones are withdrawn first): a new generation, so a new idempotency key. */
  async sendAgain(conferenceId: string, personId: string): Promise<{ queued: number }> {
    await this.withdraw(conferenceId, personId);
    await this.db.query(`UPDATE mail_participant SET generation = generation + 1 WHERE conference_id = $1 AND person_id = $2`, [conferenceId, personId]);
    return this.send(conferenceId, 'invitation', [personId]);
  }

  private async participantOrFail(conferenceId: string, personId: string, m = this.db.manager) {
    const rows = await m.query(`SELECT 1 FROM mail_participant WHERE conference_id = $1 AND person_id = $2`, [conferenceId, personId]);
    if (rows.length === 0) throw new DomainError('NOT_FOUND', 'No such person on the participant list');
  }

  async participants(conferenceId: string): Promise<ParticipantDelivery[]> {
    // The latest invitation mail per person (a "send again" makes a newer one).
    const rows: DeliveryRow[] = await this.db.query(
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
    return rows.map((r) => ({
      personId: r.person_id,
      name: r.display_name,
      email: r.email,
      organisation: r.organisation,
      function: r.function,
      role: r.role,
      language: r.language,
      erasureRequestedAt: r.erasure_requested_at ? new Date(r.erasure_requested_at).toISOString() : null,
      invitation: r.state ? { state: r.state, attempts: r.attempts ?? 0, lastError: r.last_error, sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null, signedIn: r.signed_in, sentAgain: r.doubted === true } : null,
    }));
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

  /** The templates in use: the organiser's where saved, the defaults otherwise. */
  async templates(conferenceId: string): Promise<{ kind: MailKind; language: MailLanguage; subject: string; body: string; custom: boolean }[]> {
    const saved: { kind: MailKind; language: MailLanguage; subject: string; body: string }[] = await this.db.query(
      `SELECT kind, language, subject, body FROM mail_template WHERE conference_id = $1`,
      [conferenceId],
    );
    return MAIL_KINDS.flatMap((kind) =>
      (['de', 'en'] as const).map((language) => {
        const own = saved.find((s) => s.kind === kind && s.language === language);
        return { kind, language, ...(own ? { subject: own.subject, body: own.body } : DEFAULT_TEMPLATES[kind][language]), custom: !!own };
      }),
    );
  }

  async saveTemplate(conferenceId: string, kind: MailKind, language: MailLanguage, template: MailTemplate): Promise<void> {
    const problem = templateProblem(template);
    if (problem) throw new DomainError('VALIDATION', problem, { field: 'body' });
    await this.db.query(
      `INSERT INTO mail_template (conference_id, kind, language, subject, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (conference_id, kind, language) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = now()`,
      [conferenceId, kind, language, template.subject, template.body],
    );
  }

  /** A person asks for their data to be deleted; asking twice keeps the first time. */
  async requestErasure(personId: string): Promise<{ requestedAt: string }> {
    const [row]: { requested_at: Date }[] = await this.db.query(
      `INSERT INTO erasure_request (person_id) VALUES ($1) ON CONFLICT (person_id) DO UPDATE SET person_id = EXCLUDED.person_id RETURNING requested_at`,
      [personId],
    );
    return { requestedAt: new Date(row.requested_at).toISOString() };
  }

  /**
   * The organiser carries out an erasure: name, e-mail, function and organisation are erased, every sign-in
   * link withdrawn, mails not yet sent dropped. The person row stays (anonymised) so minutes and votes that
   * mention it stay consistent. Only for people of this conference alone (tenancy), unless a platform organiser.
   */
  async erase(conferenceId: string, personId: string, editor: { platformOrganiser: boolean }): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.participantOrFail(conferenceId, personId, m);
      const problem = personEditProblem(await personTenancy(m, conferenceId, personId), editor);
      if (problem === 'not-found') throw new DomainError('NOT_FOUND', 'No such person on the participant list');
      if (problem === 'shared') throw new DomainError('FORBIDDEN', 'This person also appears in another conference; only a platform organiser may erase their data');
      await m.query(`UPDATE invitation SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL`, [personId]);
      await m.query(`DELETE FROM mail_outbox WHERE person_id = $1`, [personId]);
      await m.query(`DELETE FROM mail_participant WHERE person_id = $1`, [personId]);
      await m.query(`DELETE FROM erasure_request WHERE person_id = $1`, [personId]);
      await m.query(`UPDATE person SET display_name = 'Gelöschte Person', email = NULL, function = NULL, organisation = NULL, external_id = NULL WHERE id = $1`, [personId]);
    });
  }
}
