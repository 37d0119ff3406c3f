import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { api } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { signInLinkIn } from '../support/invitations';
import { startMailpit, type Mailpit } from '../support/mailpit';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { startSmtpFaultRelay, type SmtpFaultRelay } from '../support/smtp-fault-relay';

const JWT_SECRET = 'in-doubt-secret-in-doubt-secret-in-doubt-0123';

// The worst moment for a crash, made certain: Mailpit accepted the mail, the api never heard "250" and is killed.
// Podium cannot know whether it arrived, so it sends the same mail again: at least one, and never two different ones.
describe('a mail in doubt after the sending process was killed', () => {
  let mailpit: Mailpit;
  let proxy: SmtpFaultRelay;
  let database: TestDatabase;
  let db: Client;
  let dataDir: string;
  const servers: ServerProcess[] = [];
  let token: string;
  const slug = 'unklar';
  const path = (rest: string) => `/api/conferences/${slug}${rest}`;
  const env = (smtpUrl: string) => ({
    DATABASE_URL: database.url,
    JWT_SECRET,
    PODIUM_DATA_DIR: dataDir,
    LIVEKIT_DISABLED: 'true',
    PODIUM_SEED_DEMO: 'false',
    SMTP_URL: smtpUrl,
    MAIL_POLL_SECONDS: '1',
    NODE_ENV: 'production',
  });
  const until = async <T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> => {
    for (let i = 0; i < 300; i++) {
      const got = await probe();
      if (got) return got;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`waited in vain for ${what}`);
  };
  const rowOf = async (email: string) =>
    (await db.query(`SELECT o.state, o.attempts, o.last_error, o.handed_over_at IS NOT NULL AS handed_over FROM mail_outbox o JOIN person p ON p.id = o.person_id WHERE p.email = $1 AND o.kind = 'invitation' ORDER BY o.created_at DESC LIMIT 1`, [email])).rows[0];
  const mailsTo = async (email: string) => (await mailpit.messages()).filter((m) => m.to[0] === email);
  const signsIn = async (link: string) => (await api(servers[servers.length - 1].url, 'GET', new URL(link).pathname, { headers: { accept: 'application/json' } })).status;

  beforeAll(async () => {
    mailpit = await startMailpit();
    proxy = await startSmtpFaultRelay(mailpit.smtpUrl, { afterEnd: 'hold' });
    database = await createTestDatabase('mail_in_doubt');
    dataDir = mkdtempSync(join(tmpdir(), 'podium-in-doubt-'));
    servers.push(await startServerProcess(env(proxy.smtpUrl)));
    db = new Client({ connectionString: database.url });
    await db.connect();
    const conference = await db.query(`INSERT INTO conference (slug, title, start_date, end_date, published) VALUES ($1, 'Unklar', current_date + 30, current_date + 31, true) RETURNING id`, [slug]);
    const organiser = await db.query(`INSERT INTO person (display_name) VALUES ('Orga') RETURNING id`);
    await db.query(`INSERT INTO conference_role (conference_id, person_id, role) VALUES ($1, $2, 'organiser')`, [conference.rows[0].id, organiser.rows[0].id]);
    token = await new JwtService({ secret: JWT_SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3600, issuer: 'podium' } }).signAsync({ sub: organiser.rows[0].id, typ: 'session' });
  });

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    for (const s of servers) await s.stop('SIGKILL');
    await proxy?.stop();
    await mailpit?.stop();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('is sent again unchanged by the next process (same Message-ID, Date, text and link), and "send again" sends a new link and withdraws the old', async () => {
    const first = servers[0];
    expect((await api(first.url, 'POST', path('/participants/import'), { token, body: { csv: 'Name,E-Mail\nAnna,anna@example.org\n' } })).status).toBe(201);
    expect((await api(first.url, 'POST', path('/mails/send'), { token, body: {} })).status).toBe(202);

    // Mailpit has it, the api waits for a "250" the relay holds back: the claim is committed, nothing marked sent.
    const [arrived] = await until('the mail at Mailpit', async () => (await mailsTo('anna@example.org')).length === 1 && mailsTo('anna@example.org'));
    expect(proxy.delivered()).toBe(1);
    expect(await rowOf('anna@example.org')).toMatchObject({ state: 'sending', attempts: 1, handed_over: true }); // its end went out
    await first.stop('SIGKILL');

    // A new process (straight to Mailpit) finds the claim of a process that is gone: the mail may have arrived, so it
    // goes out again as the same mail; Anna now has two copies of one mail, not two invitations.
    servers.push(await startServerProcess(env(mailpit.smtpUrl)));
    const live = servers[1];
    const progress = await until('the mail sent again', async () => {
      const body = (await api(live.url, 'GET', path('/mails/progress'), { token })).body;
      return body.sent === 1 && body;
    });
    expect(progress).toEqual({ people: 1, queued: 0, sending: 0, sent: 1, failed: 0, withdrawn: 0, inDoubt: 0, signedIn: 0 });
    const people = (await api(live.url, 'GET', path('/participants'), { token })).body;
    expect(people[0].invitation).toMatchObject({ state: 'sent', attempts: 2, sentAgain: true });
    const copies = await mailsTo('anna@example.org');
    expect(copies.length).toBe(2);
    const [one, two] = await Promise.all(copies.map((m) => mailpit.identity(m.id)));
    expect(two).toEqual(one);
    expect(copies[1].id).not.toBe(arrived.id);

    // The one link in both copies works (it was committed with the claim) ...
    const oldLink = signInLinkIn(one.text);
    expect(await signsIn(oldLink)).toBe(200);
    // ... until the organiser sends again: a new mail with a new link, the old one withdrawn.
    const annaId = people[0].personId;
    expect((await api(live.url, 'POST', path(`/participants/${annaId}/resend`), { token })).status).toBeLessThan(300);
    await until('the new mail', async () => (await mailsTo('anna@example.org')).length === 3);
    const newest = (await mailsTo('anna@example.org'))[2];
    const newLink = signInLinkIn(await mailpit.text(newest.id));
    expect(newLink).not.toBe(oldLink);
    expect(await signsIn(newLink)).toBe(200);
    expect(await signsIn(oldLink)).toBe(401);
    expect(await rowOf('anna@example.org')).toMatchObject({ state: 'sent', attempts: 1 });
  });
});
