import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { RUNTIME, type Runtime } from '../runtime';
import { HeldEnd } from './held-end';

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** Stable per outbox row: a receiving system that sees the same mail twice can tell. */
  messageId: string;
  /** The Date header: when the mail was first built, so a mail sent again is the same mail. */
  date?: Date;
}

/** A failed send, and whether the mail may still have been delivered (only once the end of the message went out). */
export class MailSendError extends Error {
  constructor(
    readonly cause: unknown,
    readonly inDoubt: boolean,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/** How the send options carry a mail's held end to the transporter's plugin (nodemailer copies unknown keys). */
type WithHeldEnd = { heldEnd?: HeldEnd };

/**
 * The one way mail leaves Podium: SMTP_URL through nodemailer, or (development, no SMTP_URL) a file per mail in
 * `<PODIUM_DATA_DIR>/mails/` named in the log: the log itself never carries a sign-in link (JsonLogger redacts them).
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('mail');
  private readonly transporter: Transporter | null;
  private readonly files = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    const url = runtime.config.smtpUrl;
    // A small pool: a few connections reused for hundreds of mails instead of one handshake per mail.
    // maxRequeues=0: the pool must never send a message a second time on its own after a dropped connection.
    this.transporter = url ? createTransport(`${url}${url.includes('?') ? '&' : '?'}pool=true&maxConnections=4&maxRequeues=0`) : null;
    this.transporter?.use('stream', (message, done) => {
      const held = (message.data as WithHeldEnd).heldEnd;
      if (held) message.message.processFunc((input) => held.stage(input));
      done();
    });
  }

  /**
   * Sends one mail. `beforeEnd` runs once the server holds the whole message but its end (the SMTP terminator),
   * which goes out only after it resolved; if it rejects, the connection is dropped and nothing is delivered.
   * Throws a MailSendError saying whether the mail may have arrived.
   */
  async send(mail: OutgoingMail, beforeEnd: () => Promise<void> = async () => undefined): Promise<void> {
    const from = this.runtime.config.mailFrom;
    if (this.transporter) {
      const heldEnd = new HeldEnd(beforeEnd);
      const options: WithHeldEnd & Parameters<Transporter['sendMail']>[0] = { from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, date: mail.date, heldEnd };
      try {
        await this.transporter.sendMail(options);
      } catch (error) {
        heldEnd.fail();
        throw new MailSendError(error, heldEnd.released && deliveryInDoubt(error));
      }
      return;
    }
    // Without a mail server a production mail would vanish: say so and keep the link (a secret) out of the log.
    if (this.runtime.config.env === 'production') throw new Error('No mail server configured (SMTP_URL)');
    await beforeEnd().catch((error) => {
      throw new MailSendError(error, false);
    });
    const written = await this.files.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, date: mail.date });
    const dir = join(this.runtime.config.dataDir, 'mails');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, `${mail.messageId.replace(/[^a-z0-9]/gi, '')}.eml`);
    writeFileSync(file, written.message as Buffer, { mode: 0o600 });
    this.logger.log({ msg: 'mail written to a file (development, no SMTP_URL: not sent)', to: mail.to.address, subject: mail.subject, file });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}

/** Error codes of nodemailer that mean the message was never handed over (bad envelope, message, login, TLS, name lookup). */
const NEVER_HANDED_OVER = new Set(['EENVELOPE', 'EMESSAGE', 'EAUTH', 'ETLS', 'EDNS', 'ESTREAM', 'EREQUIRETLS']);

/**
 * Whether a failed send whose message end went out may still have been delivered. A reply code (the server said no),
 * a connection never made, or a local error are certain failures; a connection that broke after the end may have
 * broken after "250 accepted". (Before the end went out every failure is certain: MailTransport.send.)
 */
export function deliveryInDoubt(error: unknown): boolean {
  const e = error as { responseCode?: unknown; syscall?: unknown; code?: unknown; message?: unknown };
  if (typeof e.responseCode === 'number') return false;
  if (e.syscall === 'connect' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH/.test(String(e.message))) return false;
  if (typeof e.code === 'string' && NEVER_HANDED_OVER.has(e.code)) return false;
  return !!e.code; // an unknown local error (no code) did not reach the wire
}
