import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { api } from './app';
import { createTestDatabase } from './database';
import type { Mailpit } from './mailpit';
import { participantCsv } from './invitations';
import { startServerProcess, type ServerProcess } from './server-process';

const JWT_SECRET = 'invite-secret-invite-secret-invite-secret-0123';

export interface InvitationRunResult {
  people: number;
  /** Distinct people whose invitation arrived in Mailpit. */
  sent: number;
  /** Outbox rows that ended 'failed'. */
  failed: number;
  /** Mails that arrived more than once for the same person (copies of one mail included). */
  duplicates: number;
  /** Of those, mails that are not a copy of the person's first (another Message-ID, Date, subject or text): a second invitation. */
  differentDuplicates: number;
  /** Mails beyond the first with the same Message-ID (one per outbox row, so a resent row shows here). */
  duplicateMessageIds: number;
  /** People not in doubt whose mail did not arrive (each of them must have exactly one). */
  missing: number;
  /** Outbox rows sent on a second try after the kill (their sender died before handing them over). */
  resent: number;
  /** Outbox rows that were in doubt (their sender was killed after the mail's end went out) and went out again unchanged. */
  sentAgain: number;
  /** Outbox rows still 'in_doubt' at the end (sending them again failed five times). */
  inDoubt: number;
  /** Of those, how many people's mail did arrive in Mailpit (the server accepted it just before the kill). */
  inDoubtArrived: number;
  /** From the send request until every invitation is out (including the crash and restart). */
  seconds: number;
  /** Mails that had arrived when the first process was killed (null: no kill). */
  killedAfter: number | null;
  /** The sign-in link of the last mail that arrived signs in. */
  lastLinkWorks: boolean;
  /** Of the duplicate mails, how many carry a link that also signs in (a crash's extra mail should carry a dead one). */
  duplicatesWithWorkingLink: number;
}

/**
 * The whole path with the built api as its own process: import a list of `people`, send all invitations,
 * SIGKILL the process once `killAfter` mails arrived, start two fresh processes on the same database
 * (several processes share the outbox), and wait until nothing is queued. Counts what arrived in Mailpit.
 */
export async function runInvitations(
  mailpit: Mailpit,
  people: number,
  killAfter: number | null,
  log: (m: string) => void = () => undefined,
  /** The api's way to Mailpit (e.g. a fault relay in front of it). */
  smtpUrl = mailpit.smtpUrl,
): Promise<InvitationRunResult> {
  const database = await createTestDatabase('invitations_run');
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-invitations-'));
  const env = {
    DATABASE_URL: database.url,
    JWT_SECRET,
    PODIUM_DATA_DIR: dataDir,
    LIVEKIT_DISABLED: 'true',
    PODIUM_SEED_DEMO: 'false',
    SMTP_URL: smtpUrl,
    MAIL_POLL_SECONDS: '1',
    RATE_LIMIT_FACTOR: '100',
    NODE_ENV: 'production',
  };
  const servers: ServerProcess[] = [];
  const db = new Client({ connectionString: database.url });
  try {
    servers.push(await startServerProcess(env));
    await db.connect();
    const slug = 'einladungen';
    const conference = await db.query(
      `INSERT INTO conference (slug, title, start_date, end_date, published) VALUES ($1, 'Einladungen', current_date + 30, current_date + 31, true) RETURNING id`,
      [slug],
    );
    const organiser = await db.query(`INSERT INTO person (display_name) VALUES ('Orga') RETURNING id`);
    await db.query(`INSERT INTO conference_role (conference_id, person_id, role) VALUES ($1, $2, 'organiser')`, [conference.rows[0].id, organiser.rows[0].id]);
    const token = await new JwtService({ secret: JWT_SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3600, issuer: 'podium' } }).signAsync({ sub: organiser.rows[0].id, typ: 'session' });

    const imported = await api(servers[0].url, 'POST', `/api/conferences/${slug}/participants/import`, { token, body: { csv: participantCsv(people) } });
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${JSON.stringify(imported.body)}`);
    log(`imported ${people}`);
    const started = Date.now();
    const sent = await api(servers[0].url, 'POST', `/api/conferences/${slug}/mails/send`, { token, body: {} });
    if (sent.status !== 202) throw new Error(`send failed: ${sent.status} ${JSON.stringify(sent.body)}`);

    let killedAfter: number | null = null;
    if (killAfter !== null) {
      while ((await mailpit.messages()).length < killAfter) await new Promise((r) => setTimeout(r, 20));
      await servers[0].stop('SIGKILL');
      killedAfter = (await mailpit.messages()).length;
      log(`killed the api after ${killedAfter} mails; starting two new processes`);
      servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    }
    const live = servers[servers.length - 1];
    for (;;) {
      const progress = await api(live.url, 'GET', `/api/conferences/${slug}/mails/progress`, { token });
      if (progress.body.queued === 0 && progress.body.sending === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    // Mail accepted by Mailpit but not yet listed: give its API a moment to catch up.
    await new Promise((r) => setTimeout(r, 500));
    const mails = (await mailpit.messages()).filter((m) => m.to[0]?.startsWith('person-'));
    const perPerson = new Map<string, number>();
    for (const m of mails) perPerson.set(m.to[0], (perPerson.get(m.to[0]) ?? 0) + 1);
    const messageIds = new Set(mails.map((m) => m.messageId));
    const resent = Number((await db.query(`SELECT count(*) AS n FROM mail_outbox WHERE kind = 'invitation' AND state = 'sent' AND attempts > 1 AND NOT doubted`)).rows[0].n);
    const sentAgain = Number((await db.query(`SELECT count(*) AS n FROM mail_outbox WHERE kind = 'invitation' AND state = 'sent' AND doubted`)).rows[0].n);
    const failed = Number((await db.query(`SELECT count(*) AS n FROM mail_outbox WHERE state = 'failed'`)).rows[0].n);
    const inDoubt: string[] = (await db.query(`SELECT lower(p.email) AS email FROM mail_outbox o JOIN person p ON p.id = o.person_id WHERE o.state = 'in_doubt'`)).rows.map(
      (r: { email: string }) => r.email,
    );
    if (inDoubt.length > 0) log(`in doubt: ${inDoubt.join(', ')}`);
    const last = mails[mails.length - 1];
    const link = last ? /\/signin\/[A-Za-z0-9_-]{43}/.exec(await mailpit.text(last.id))?.[0] : undefined;
    const redeems = async (id: string) => {
      const path = /\/signin\/[A-Za-z0-9_-]{43}/.exec(await mailpit.text(id))?.[0];
      return !!path && (await api(live.url, 'GET', path, { headers: { accept: 'application/json' } })).status === 200;
    };
    const redeemed = link ? await api(live.url, 'GET', link, { headers: { accept: 'application/json' } }) : null;
    let duplicatesWithWorkingLink = 0;
    let differentDuplicates = 0;
    for (const [address, n] of perPerson) {
      if (n < 2) continue;
      const own = mails.filter((m) => m.to[0] === address);
      const working = (await Promise.all(own.map((m) => redeems(m.id)))).filter(Boolean).length;
      const [first, ...others] = await Promise.all(own.map((m) => mailpit.identity(m.id)));
      const different = others.filter((o) => JSON.stringify(o) !== JSON.stringify(first)).length;
      log(`${address}: ${n} mails, ${working} with a working link, ${different} not a copy of the first`);
      duplicatesWithWorkingLink += Math.max(0, working - 1);
      differentDuplicates += different;
    }
    return {
      people,
      sent: perPerson.size,
      failed,
      duplicates: [...perPerson.values()].reduce((sum, n) => sum + n - 1, 0),
      differentDuplicates,
      duplicateMessageIds: mails.length - messageIds.size,
      missing: people - perPerson.size - inDoubt.filter((email) => !perPerson.has(email)).length,
      resent,
      sentAgain,
      inDoubt: inDoubt.length,
      inDoubtArrived: inDoubt.filter((email) => perPerson.has(email)).length,
      seconds: Math.round(seconds * 100) / 100,
      killedAfter,
      lastLinkWorks: redeemed?.status === 200,
      duplicatesWithWorkingLink,
    };
  } finally {
    await db.end().catch(() => undefined);
    for (const s of servers) await s.stop('SIGKILL');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
