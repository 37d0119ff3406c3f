import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { freeTcpPort } from './server-process';

// From test/support (jest) or dist/test/support (the built bench): the repo root either way.
const root = join(__dirname, '..', '..', ...(basename(join(__dirname, '..', '..')) === 'dist' ? ['..'] : []));
export const MAILPIT_BINARY = process.env.MAILPIT_BINARY ?? join(root, '.tools/bin/mailpit');

export interface MailpitMessage {
  id: string;
  messageId: string;
  to: string[];
  subject: string;
}

export interface Mailpit {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  smtpUrl: string;
  apiUrl: string;
  /** Every message that arrived (oldest first). */
  messages(): Promise<MailpitMessage[]>;
  /** The plain-text body of one message. */
  text(id: string): Promise<string>;
  /** What makes two messages the same mail: its Message-ID, Date header (ISO), subject and text. */
  identity(id: string): Promise<{ messageId: string; date: string; subject: string; text: string }>;
  /** Waits until at least `count` messages (those `which` keeps, if given) arrived; fails with what arrived otherwise. */
  waitFor(count: number, timeoutMs?: number, which?: (m: MailpitMessage) => boolean): Promise<MailpitMessage[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/** A real Mailpit SMTP server on free ports, its mail read through its HTTP API. */
export async function startMailpit(options: { smtpPort?: number } = {}): Promise<Mailpit> {
  if (!existsSync(MAILPIT_BINARY)) {
    throw new Error(`Mailpit is missing at ${MAILPIT_BINARY}: run "bash scripts/install-mailpit.sh" (needs Go; .ci/run does it) or set MAILPIT_BINARY`);
  }
  const [smtpPort, httpPort] = [options.smtpPort ?? (await freeTcpPort()), await freeTcpPort()];
  const dir = mkdtempSync(join(tmpdir(), 'podium-mailpit-'));
  let output = '';
  const child: ChildProcess = spawn(
    MAILPIT_BINARY,
    ['--smtp', `127.0.0.1:${smtpPort}`, '--listen', `127.0.0.1:${httpPort}`, '--database', join(dir, 'mail.db'), '--max', '100000', '--disable-version-check', '--smtp-disable-rdns', '-q'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const apiUrl = `http://127.0.0.1:${httpPort}/api/v1`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mailpit exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${apiUrl}/info`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`mailpit did not answer within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const messages = async (): Promise<MailpitMessage[]> => {
    const res = await fetch(`${apiUrl}/messages?limit=100000`);
    const body = (await res.json()) as { messages: { ID: string; MessageID: string; To: { Address: string }[]; Subject: string }[] };
    return body.messages.map((m) => ({ id: m.ID, messageId: m.MessageID, to: m.To.map((t) => t.Address.toLowerCase()), subject: m.Subject })).reverse();
  };
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    apiUrl,
    messages,
    async text(id) {
      const res = await fetch(`${apiUrl}/message/${id}`);
      return ((await res.json()) as { Text: string }).Text;
    },
    async identity(id) {
      const m = (await (await fetch(`${apiUrl}/message/${id}`)).json()) as { MessageID: string; Date: string; Subject: string; Text: string };
      return { messageId: m.MessageID, date: m.Date, subject: m.Subject, text: m.Text };
    },
    async waitFor(count, timeoutMs = 30_000, which = () => true) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const got = (await messages()).filter(which);
        if (got.length >= count) return got;
        if (Date.now() > until) throw new Error(`expected ${count} mails in Mailpit, got ${got.length}: ${JSON.stringify(got.map((m) => m.to))}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async clear() {
      await fetch(`${apiUrl}/messages`, { method: 'DELETE' });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
