import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { MAIL_MAX_ATTEMPTS, type ConferenceRole, type MailKind, type MailLanguage } from '@podium/identity';

/** First key of the session-level advisory lock each sending process holds while it lives (the second is its worker key). */
const WORKER_LOCK = 1732666;

/** A mail as first built, kept to send it again unchanged when in doubt (its sign-in token left out: `LINK_MARK`). */
export interface StoredMessage {
  subject: string;
  text: string;
  /** The Date header, ISO. */
  date: string;
}

/** A due row as claimed, with everything its mail is built from. */
export interface ClaimedMail {
  id: string;
  state: 'queued' | 'in_doubt';
  link_nonce: string | null;
  message: StoredMessage | null;
  kind: MailKind;
  idempotency_key: string;
  attempts: number;
  conference_id: string;
  person_id: string;
  role: ConferenceRole;
  language: MailLanguage;
  display_name: string;
  email: string | null;
  organisation: string | null;
  function: string | null;
  title: string;
  start_date: string;
  subject: string | null;
  body: string | null;
  timezone: string;
  session_title: string | null;
  session_starts_at: Date | null;
}

/** The mail_outbox table's SQL (README.md of invitations); the transactions, and so what commits together, are `MailOutbox`'s. */
@Injectable()
export class MailOutboxRepository {
  constructor(private readonly db: DataSource) {}

  /** Queues one mail per person on the list (or the given ones); how many rows are new. */
  async enqueue(conferenceId: string, kind: MailKind, personIds: string[] | null): Promise<number> {
    // Invitations bring their reminder, due the day before the conference (none if that day has passed).
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO mail_outbox (conference_id, person_id, kind, idempotency_key, due_at)
       SELECT mp.conference_id, mp.person_id, k.kind, k.kind || ':' || mp.conference_id || ':' || mp.person_id || ':' || mp.generation,
              CASE WHEN k.kind = 'reminder' AND $2 = 'invitation' THEN (c.start_date::timestamp - interval '1 day' + interval '9 hours') AT TIME ZONE c.timezone ELSE now() END
         FROM mail_participant mp JOIN conference c ON c.id = mp.conference_id
        CROSS JOIN (SELECT $2::text AS kind UNION ALL SELECT 'reminder' WHERE $2 = 'invitation') k
        WHERE mp.conference_id = $1 AND ($3::uuid[] IS NULL OR mp.person_id = ANY($3::uuid[]))
          AND NOT (k.kind = 'reminder' AND $2 = 'invitation' AND (c.start_date::timestamp - interval '1 day' + interval '9 hours') AT TIME ZONE c.timezone <= now())
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [conferenceId, kind, personIds],
    );
    return rows.length;
  }

  /** Session reminders for the coming week's sessions; how many rows are new. */
  async enqueueSessionReminders(): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO mail_outbox (conference_id, person_id, kind, idempotency_key, due_at, session_id)
       SELECT s.conference_id, sp.person_id, 'session-reminder', 'session-reminder:' || s.id || ':' || sp.person_id,
              greatest(now(), s.starts_at - interval '1 day'), s.id
         FROM session s JOIN session_person sp ON sp.session_id = s.id
         JOIN mail_participant mp ON mp.conference_id = s.conference_id AND mp.person_id = sp.person_id
        WHERE s.starts_at > now() AND s.starts_at < now() + interval '7 days' AND s.status IN ('scheduled', 'backstage')
          AND EXISTS (SELECT 1 FROM mail_outbox i WHERE i.conference_id = s.conference_id AND i.person_id = sp.person_id AND i.kind = 'invitation' AND i.state = 'sent')
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    );
    return rows.length;
  }

  /** Takes the worker lock for `key` on the runner's own connection; false when another process holds that key. */
  async lockWorker(runner: QueryRunner, key: number): Promise<boolean> {
    const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [WORKER_LOCK, key]);
    return locked;
  }

  async unlockWorker(runner: QueryRunner, key: number): Promise<void> {
    await runner.query('SELECT pg_advisory_unlock($1, $2)', [WORKER_LOCK, key]);
  }

  /** Requeues or puts in doubt the 'sending' rows whose worker lock is gone (MailOutbox.sweep); `reason` is the doubted rows' last_error. */
  async sweep(reason: string): Promise<{ requeued: number; inDoubt: number }> {
    // CTEs: TypeORM answers a bare UPDATE with [rows, count]; FOR UPDATE makes a second sweeper wait and re-check.
    const [counts]: { requeued: number; inDoubt: number }[] = await this.db.query(
      `WITH dead AS (
         SELECT o.id, o.invitation_id, o.handed_over_at IS NOT NULL OR o.doubted AS doubt FROM mail_outbox o
          WHERE o.state = 'sending' AND NOT EXISTS (
            SELECT 1 FROM pg_locks l
             WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.classid = $1::int::oid AND l.objid = o.worker_key::oid AND l.objsubid = 2)
          FOR UPDATE OF o),
       requeued AS (
         UPDATE mail_outbox o SET state = 'queued', invitation_id = NULL, link_nonce = NULL, message = NULL, attempt_id = NULL, worker_key = NULL,
                last_error = 'The sending process stopped before the mail was handed over: it is sent again'
           FROM dead d WHERE o.id = d.id AND NOT d.doubt RETURNING d.invitation_id),
       doubted AS (
         UPDATE mail_outbox o SET state = 'in_doubt', doubted = true, due_at = now(), attempt_id = NULL, worker_key = NULL, last_error = $2
           FROM dead d WHERE o.id = d.id AND d.doubt RETURNING o.id),
       dropped AS (DELETE FROM invitation i USING requeued r WHERE i.id = r.invitation_id RETURNING i.id)
       SELECT (SELECT count(*) FROM requeued)::int AS requeued, (SELECT count(*) FROM doubted)::int AS "inDoubt", (SELECT count(*) FROM dropped)::int AS dropped`,
      [WORKER_LOCK, reason],
    );
    return { requeued: counts.requeued, inDoubt: counts.inDoubt };
  }

  /** The next due row, locked (SKIP LOCKED: each process takes another); undefined when none is due. */
  async nextDue(m: EntityManager): Promise<ClaimedMail | undefined> {
    const [mail]: ClaimedMail[] = await m.query(
      `SELECT o.id, o.state, o.link_nonce, o.message, o.kind, o.idempotency_key, o.attempts, o.conference_id, o.person_id, mp.role, mp.language,
                p.display_name, p.email, p.organisation, p.function, c.title, c.start_date::text AS start_date, t.subject, t.body,
                c.timezone, s.title AS session_title, s.starts_at AS session_starts_at
           FROM mail_outbox o
           LEFT JOIN session s ON s.id = o.session_id
           JOIN mail_participant mp ON mp.conference_id = o.conference_id AND mp.person_id = o.person_id
           JOIN person p ON p.id = o.person_id
           JOIN conference c ON c.id = o.conference_id
           LEFT JOIN mail_template t ON t.conference_id = o.conference_id AND t.kind = o.kind AND t.language = mp.language
          WHERE (o.state = 'queued' OR (o.state = 'in_doubt' AND o.message IS NOT NULL AND o.link_nonce IS NOT NULL AND o.attempts < $1)) AND o.due_at <= now()
          ORDER BY o.due_at LIMIT 1
          FOR UPDATE OF o SKIP LOCKED`,
      [MAIL_MAX_ATTEMPTS],
    );
    return mail;
  }

  /** The row becomes 'sending' for this attempt and worker, with its link and mail. */
  async claim(m: EntityManager, c: { id: string; attemptId: string; workerKey: number; invitationId: string | null; nonce: string; message: StoredMessage }): Promise<void> {
    // COALESCE: a mail sent again keeps its link (the first copy may have arrived and must still sign in).
    await m.query(
      `UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1, attempt_id = $2, worker_key = $3, claimed_at = now(), handed_over_at = NULL,
                invitation_id = COALESCE($4, invitation_id), link_nonce = $5, message = $6 WHERE id = $1`,
      [c.id, c.attemptId, c.workerKey, c.invitationId, c.nonce, c.message],
    );
  }

  /** Marks the end of the message as going out; false when the claim is no longer this attempt's. */
  async handedOver(id: string, attemptId: string): Promise<boolean> {
    // A CTE for the count: TypeORM answers a bare UPDATE with [rows, count].
    const [{ n }]: { n: number }[] = await this.db.query(
      `WITH marked AS (UPDATE mail_outbox SET handed_over_at = now() WHERE id = $1 AND attempt_id = $2 AND state = 'sending' RETURNING id)
       SELECT count(*)::int AS n FROM marked`,
      [id, attemptId],
    );
    return n === 1;
  }

  /** 'sent'; `afterDoubt` becomes last_error of a row that had been in doubt. */
  async sent(id: string, attemptId: string, afterDoubt: string): Promise<void> {
    await this.db.query(`UPDATE mail_outbox SET state = 'sent', sent_at = now(), last_error = CASE WHEN doubted THEN $3 END WHERE id = $1 AND attempt_id = $2`, [id, attemptId, afterDoubt]);
  }

  /** Locks the row if it is still this attempt's; false when it was withdrawn or erased meanwhile. */
  async ownClaim(m: EntityManager, id: string, attemptId: string): Promise<boolean> {
    const [own] = await m.query(`SELECT 1 FROM mail_outbox WHERE id = $1 AND attempt_id = $2 FOR UPDATE`, [id, attemptId]);
    return !!own;
  }

  /** A copy sent again failed: back in doubt, link and mail kept, due after `delaySeconds`. */
  async retryInDoubt(m: EntityManager, id: string, reason: string, delaySeconds: number): Promise<void> {
    await m.query(
      `UPDATE mail_outbox SET state = 'in_doubt', attempt_id = NULL, worker_key = NULL, handed_over_at = NULL, last_error = $2, due_at = now() + make_interval(secs => $3) WHERE id = $1`,
      [id, reason, delaySeconds],
    );
  }

  /** A first copy that did not go out: its claim, link and mail dropped (the invitation row goes with `deleteInvitation`). */
  async release(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE mail_outbox SET invitation_id = NULL, link_nonce = NULL, message = NULL, attempt_id = NULL, worker_key = NULL, handed_over_at = NULL WHERE id = $1`, [id]);
  }

  async deleteInvitation(m: EntityManager, invitationId: string | null): Promise<void> {
    await m.query(`DELETE FROM invitation WHERE id = $1`, [invitationId]);
  }

  /** The connection broke after the message's end: in doubt, due at once; a no-op when the claim is no longer this attempt's. */
  async inDoubt(id: string, attemptId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE mail_outbox SET state = 'in_doubt', doubted = true, due_at = now(), attempt_id = NULL, worker_key = NULL, last_error = $3
        WHERE id = $1 AND attempt_id = $2 AND state = 'sending'`,
      [id, attemptId, reason],
    );
  }

  /** A failed attempt: queued again after `delaySeconds`, or 'failed' for good. */
  async failure(m: EntityManager, id: string, attempts: number, reason: string, state: 'failed' | 'queued', delaySeconds: number): Promise<void> {
    await m.query(`UPDATE mail_outbox SET attempts = $2, last_error = $3, state = $4, due_at = now() + make_interval(secs => $5) WHERE id = $1`, [id, attempts, reason, state, delaySeconds]);
  }
}
