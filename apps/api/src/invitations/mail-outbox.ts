import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { DEFAULT_TEMPLATES, MAIL_MAX_ATTEMPTS, renderTemplate, retryDelaySeconds, type MailKind, type MailLanguage } from '@podium/identity';
import { IdentityService } from '../identity/identity.service';
import { RUNTIME, type Runtime } from '../runtime';
import { LINK_MARK, mailLinkToken } from './mail-link';
import { MailOutboxRepository, type ClaimedMail, type StoredMessage } from './mail-outbox-repository';
import { MailSendError, MailTransport, type OutgoingMail } from './mail-transport';

/** Mails sent at once per process. */
const LANES = 4;

/**
 * Sends the queued mails in the background, one mail per row (apps/api/src/invitations/README.md):
 * 1. claim: a due row is taken with `FOR UPDATE SKIP LOCKED`, its sign-in link made and the row committed as
 *    'sending' with a fresh attempt id and this process's worker key, before any byte goes to the mail server;
 * 2. send over SMTP, holding back the end of the message (the terminator "<CRLF>.<CRLF>", without which no server
 *    delivers) until `handed_over_at` is committed; 3. right after the server's "250 accepted", 'sent' in its own
 *    one-statement transaction.
 * A process killed between 1 and 3 leaves its rows 'sending'; the next pass of any process sees that the worker's
 * session lock is gone: rows without `handed_over_at` were certainly not delivered and are queued again (with a
 * fresh link), rows with it become 'in_doubt' (the mail may have arrived) and are sent again as the same mail:
 * same text, link, Date and Message-ID, so a copy that did arrive is the same mail, not a second invitation.
 */
@Injectable()
export class MailOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('mail');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;
  /** The connection holding this process's worker lock; Postgres drops the lock when the process dies. */
  private worker: { key: number; runner: QueryRunner } | null = null;
  private workerStarting: Promise<number> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly rows: MailOutboxRepository,
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
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      // Unlocked before the connection goes back to the pool: a pooled connection would keep the worker "alive".
      await this.rows.unlockWorker(worker.runner, worker.key).catch(() => undefined);
      await worker.runner.release().catch(() => undefined);
    }
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
    const key = await this.workerKey();
    await this.sweep();
    const counts = await Promise.all(
      Array.from({ length: LANES }, async () => {
        let handled = 0;
        while (!this.stopping && (await this.sendOne(key))) handled++;
        return handled;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Queues one mail per person on the list (or the given ones); an existing idempotency key makes it a no-op. */
  async enqueue(conferenceId: string, kind: MailKind, personIds: string[] | null): Promise<number> {
    return this.rows.enqueue(conferenceId, kind, personIds);
  }

  /**
   * A reminder to everybody invited by mail who is on a session (speaker, moderator, interpreter), due a day before
   * it starts (at once when less remains), for sessions of the coming week. Runs every pass; the key makes it once.
   */
  async enqueueSessionReminders(): Promise<number> {
    return this.rows.enqueueSessionReminders();
  }

  /** This process's worker key, its session lock taken on a connection of its own on first use (once, even when two drains start together). */
  private workerKey(): Promise<number> {
    this.workerStarting ??= this.lockWorker().catch((error: Error) => {
      this.workerStarting = null;
      throw error;
    });
    return this.workerStarting;
  }

  private async lockWorker(): Promise<number> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    for (;;) {
      const key = 1 + Math.floor(Math.random() * 0x7ffffffe);
      if (await this.rows.lockWorker(runner, key)) {
        this.worker = { key, runner };
        return key;
      }
    }
  }

  /**
   * Rows claimed by a process whose worker lock is gone (it died mid-send): without `handed_over_at` the end of the
   * message never went out, so they are queued again and their unsent link dropped (unless the row was in doubt
   * before: an earlier copy may have arrived, so it stays in doubt, link kept); with it they become 'in_doubt',
   * due at once to be sent again unchanged.
   */
  async sweep(): Promise<{ requeued: number; inDoubt: number }> {
    const counts = await this.rows.sweep(IN_DOUBT_STOPPED);
    if (counts.requeued > 0) this.logger.log({ msg: 'mails queued again: their sender stopped before handing them over', count: counts.requeued });
    if (counts.inDoubt > 0) this.logger.warn({ msg: 'mails in doubt (their sender stopped during delivery): sent again unchanged', count: counts.inDoubt });
    return { requeued: counts.requeued, inDoubt: counts.inDoubt };
  }

  /** Claims, sends and records one due mail; false when none is due. */
  private async sendOne(workerKey: number): Promise<boolean> {
    const claim = await this.claim(workerKey);
    if (claim === 'none') return false;
    if (claim === 'handled') return true;
    try {
      await this.transport.send(claim.mail, () => this.markHandedOver(claim));
    } catch (error) {
      const reason = (error as Error).message;
      if (error instanceof MailSendError && error.inDoubt) await this.markInDoubt(claim.id, claim.attemptId, reason);
      else await this.releaseFailed(claim, reason);
      return true;
    }
    // Its own statement right after "accepted": the only window for 'in_doubt' is this round trip.
    await this.rows.sent(claim.id, claim.attemptId, SENT_AFTER_DOUBT);
    return true;
  }

  /** Committed right before the end of the message goes out; throws (so the end never goes out) if the claim is no longer ours. */
  private async markHandedOver(claim: Claim): Promise<void> {
    if (!(await this.rows.handedOver(claim.id, claim.attemptId))) throw new Error('The mail was withdrawn or erased while it was being sent');
  }

  /**
   * Takes one due row and commits it as 'sending' with its link, before the mail goes out: a queued row gets a new
   * link and its mail is built and kept; a row in doubt gets the same mail again (same link, text, Date).
   */
  private async claim(workerKey: number): Promise<Claim | 'none' | 'handled'> {
    return this.db.transaction(async (m) => {
      const mail = await this.rows.nextDue(m);
      if (!mail) return 'none';
      if (!mail.email) {
        await this.recordFailure(m, mail, 'The person has no e-mail address');
        return 'handled';
      }
      const again = mail.state === 'in_doubt' && mail.message !== null && mail.link_nonce !== null;
      const nonce = again ? mail.link_nonce! : randomUUID();
      const token = mailLinkToken(this.runtime.jwtSecret, nonce);
      let invitationId: string | null = null;
      let message: StoredMessage;
      if (again) message = mail.message!;
      else {
        const link = await this.identity.issueLink({ personId: mail.person_id, conferenceId: mail.conference_id, role: mail.role, createdBy: null }, m, token);
        invitationId = link.invitationId;
        const text = render(mail, link.link);
        // Only the token is left out: the address part stays as first sent, even if another process with another public URL sends it again.
        message = { subject: text.subject, text: text.body.split(token).join(LINK_MARK), date: new Date().toISOString() };
      }
      const attemptId = randomUUID();
      await this.rows.claim(m, { id: mail.id, attemptId, workerKey, invitationId, nonce, message });
      return {
        id: mail.id,
        attemptId,
        again,
        invitationId,
        row: mail,
        mail: {
          to: { name: mail.display_name, address: mail.email },
          subject: message.subject,
          text: message.text.split(LINK_MARK).join(token),
          messageId: messageId(mail.idempotency_key),
          date: new Date(message.date),
        },
      };
    });
  }

  /**
   * The server said no, was never reached, or the connection broke before the message's end: this copy did not go
   * out. A first send drops its link and is retried or failed; a mail sent again stays in doubt with its link (the
   * earlier copy may have arrived) and is tried again after the backoff.
   */
  private async releaseFailed(claim: Claim, reason: string): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.rows.ownClaim(m, claim.id, claim.attemptId))) return; // withdrawn or erased meanwhile
      if (claim.again) {
        await this.rows.retryInDoubt(m, claim.id, `${IN_DOUBT_RETRY} ${reason}`.slice(0, 500), retryDelaySeconds(claim.row.attempts + 1));
        return;
      }
      await this.rows.release(m, claim.id);
      await this.rows.deleteInvitation(m, claim.invitationId);
      await this.recordFailure(m, claim.row, reason);
    });
  }

  /** The connection broke after the message's end went out: the mail may have been accepted, so it is sent again unchanged. */
  private async markInDoubt(id: string, attemptId: string, reason: string): Promise<void> {
    await this.rows.inDoubt(id, attemptId, `${IN_DOUBT_BROKEN} ${reason}`.slice(0, 500));
    this.logger.warn({ msg: 'mail in doubt: the connection broke during delivery; sent again unchanged', outboxId: id, reason: reason.slice(0, 200) });
  }

  private async recordFailure(m: EntityManager, mail: ClaimedMail, reason: string) {
    const attempts = mail.attempts + 1;
    const final = attempts >= MAIL_MAX_ATTEMPTS || !mail.email;
    await this.rows.failure(m, mail.id, attempts, reason.slice(0, 500), final ? 'failed' : 'queued', retryDelaySeconds(attempts));
    this.logger.warn({ msg: final ? 'mail failed for good' : 'mail failed, will retry', outboxId: mail.id, attempts, reason: reason.slice(0, 200) });
  }
}

interface Claim {
  id: string;
  attemptId: string;
  /** The same mail sent again after a doubt (its link is kept whatever happens to this copy). */
  again: boolean;
  /** The link made for this claim (null when sent again: the link is the first copy's). */
  invitationId: string | null;
  row: ClaimedMail;
  mail: OutgoingMail;
}

const IN_DOUBT_STOPPED = 'The sending process stopped during delivery: the mail may have arrived; it is sent again unchanged (same link, same Message-ID)';
const IN_DOUBT_BROKEN = 'The connection broke during delivery: the mail may have arrived; it is sent again unchanged.';
const IN_DOUBT_RETRY = 'Sending the same mail again failed; it is tried again:';
const SENT_AFTER_DOUBT = 'Sent again after a delivery that broke off: it may have arrived twice, the same mail with the same link';

/** The mail's subject and text as people read them, in their language, around its sign-in link. */
function render(mail: ClaimedMail, link: string): { subject: string; body: string } {
  const template = mail.subject && mail.body ? { subject: mail.subject, body: mail.body } : DEFAULT_TEMPLATES[mail.kind][mail.language];
  return renderTemplate(template, {
    name: mail.display_name,
    conference: mail.title,
    link,
    organisation: mail.organisation ?? '',
    function: mail.function ?? '',
    start: formatDate(mail.start_date, mail.language),
    session: mail.session_title ?? '',
    sessionStart: mail.session_starts_at ? formatDateTime(new Date(mail.session_starts_at), mail.timezone, mail.language) : '',
  });
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
