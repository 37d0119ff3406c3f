import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_TEMPLATES, MAIL_MAX_ATTEMPTS, renderTemplate, retryDelaySeconds, type ConferenceRole, type MailKind, type MailLanguage } from '@podium/identity';
import { IdentityService } from '../identity/identity.service';
import { RUNTIME, type Runtime } from '../runtime';
import { MailTransport } from './mail-transport';

/** Mails sent at once per process: each holds one database connection while its SMTP exchange runs. */
const LANES = 4;

interface ClaimedMail {
  id: string;
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

/**
 * Sends the queued mails in the background. A row is claimed with `FOR UPDATE SKIP LOCKED` inside a
 * transaction that stays open while the mail goes out and commits 'sent' right after: several api
 * processes never take the same row, and a process killed mid-send rolls back (the row is queued
 * again, and the sign-in link in any mail that did leave was never committed, so it does not work).
 */
@Injectable()
export class MailOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('mail');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly transport: MailTransport,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.runtime.config.mailPollSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => this.kick(), seconds * 1000);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Starts a pass now unless one runs (new mails were queued); a pass runs until nothing is due. */
  kick(): void {
    if (this.running || this.stopping || this.runtime.config.mailPollSeconds <= 0) return;
    this.running = this.enqueueSessionReminders()
      .then(() => this.drain())
      .catch((error: Error) => this.logger.warn(`mail pass failed: ${error.message}`))
      .finally(() => (this.running = null));
  }

  /** Sends until no mail is due; tests call it directly. Returns how many rows were handled. */
  async drain(): Promise<number> {
    const counts = await Promise.all(
      Array.from({ length: LANES }, async () => {
        let handled = 0;
        while (!this.stopping && (await this.sendOne())) handled++;
        return handled;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Queues one mail per person on the list (or the given ones); an existing idempotency key makes it a no-op. */
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

  /**
   * A reminder to everybody invited by mail who is on a session (speaker, moderator, interpreter), due a day before
   * it starts (at once when less remains), for sessions of the coming week. Runs every pass; the key makes it once.
   */
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

  /** Claims, sends and records one due mail; false when none is due. */
  private async sendOne(): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const [mail]: ClaimedMail[] = await m.query(
        `SELECT o.id, o.kind, o.idempotency_key, o.attempts, o.conference_id, o.person_id, mp.role, mp.language,
                p.display_name, p.email, p.organisation, p.function, c.title, c.start_date::text AS start_date, t.subject, t.body,
                c.timezone, s.title AS session_title, s.starts_at AS session_starts_at
           FROM mail_outbox o
           LEFT JOIN session s ON s.id = o.session_id
           JOIN mail_participant mp ON mp.conference_id = o.conference_id AND mp.person_id = o.person_id
           JOIN person p ON p.id = o.person_id
           JOIN conference c ON c.id = o.conference_id
           LEFT JOIN mail_template t ON t.conference_id = o.conference_id AND t.kind = o.kind AND t.language = mp.language
          WHERE o.state = 'queued' AND o.due_at <= now()
          ORDER BY o.due_at LIMIT 1
          FOR UPDATE OF o SKIP LOCKED`,
      );
      if (!mail) return false;
      // The COMMIT after the server's "accepted" is the window in which a crash of this process means a
      // second mail: not waiting for the WAL flush keeps it to one local round trip (a database crash could
      // at worst lose the record and send again, never lose a mail).
      await m.query('SET LOCAL synchronous_commit TO OFF');
      await m.query('SAVEPOINT before_link');
      try {
        if (!mail.email) throw new Error('The person has no e-mail address');
        const link = await this.identity.issueLink({ personId: mail.person_id, conferenceId: mail.conference_id, role: mail.role, createdBy: null }, m);
        const template = mail.subject && mail.body ? { subject: mail.subject, body: mail.body } : DEFAULT_TEMPLATES[mail.kind][mail.language];
        const text = renderTemplate(template, {
          name: mail.display_name,
          conference: mail.title,
          link: link.link,
          organisation: mail.organisation ?? '',
          function: mail.function ?? '',
          start: formatDate(mail.start_date, mail.language),
          session: mail.session_title ?? '',
          sessionStart: mail.session_starts_at ? formatDateTime(new Date(mail.session_starts_at), mail.timezone, mail.language) : '',
        });
        // Recorded before the mail goes out, committed right after: only the COMMIT lies between the
        // server's "accepted" and our record, the smallest window in which a crash can cause a second mail.
        await m.query(`UPDATE mail_outbox SET state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL, invitation_id = $2 WHERE id = $1`, [mail.id, link.invitationId]);
        await this.transport.send({ to: { name: mail.display_name, address: mail.email }, subject: text.subject, text: text.body, messageId: messageId(mail.idempotency_key) });
      } catch (error) {
        await m.query('ROLLBACK TO SAVEPOINT before_link'); // the link and 'sent' of a mail that did not go out are dropped
        await this.recordFailure(m, mail, (error as Error).message);
      }
      return true;
    });
  }

  private async recordFailure(m: EntityManager, mail: ClaimedMail, reason: string) {
    const attempts = mail.attempts + 1;
    const final = attempts >= MAIL_MAX_ATTEMPTS || !mail.email;
    await m.query(`UPDATE mail_outbox SET attempts = $2, last_error = $3, state = $4, due_at = now() + make_interval(secs => $5) WHERE id = $1`, [
      mail.id,
      attempts,
      reason.slice(0, 500),
      final ? 'failed' : 'queued',
      retryDelaySeconds(attempts),
    ]);
    this.logger.warn({ msg: final ? 'mail failed for good' : 'mail failed, will retry', outboxId: mail.id, attempts, reason: reason.slice(0, 200) });
  }
}

function messageId(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@podium>`;
}

/** The conference's first day as people read it: "1. Juni 2026" or "June 1, 2026". */
function formatDate(isoDate: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** A session's start in the conference's timezone: "2. Juni 2026 um 10:00" or "2 June 2026 at 10:00". */
function formatDateTime(at: Date, timeZone: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
}
