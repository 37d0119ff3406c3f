import { Client } from 'pg';
import { api, startTestApp, type TestApp } from '../support/app';
import { startMailpit, type Mailpit } from '../support/mailpit';
import { signIn } from '../support/people';
import { createConference, signInLinkIn } from '../support/invitations';
import { startSmtpFaultRelay, type SmtpFault, type SmtpFaultRelay } from '../support/smtp-fault-relay';
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { MailOutbox } from '../../apps/api/src/invitations/mail-outbox';
import { LINK_MARK, mailLinkToken } from '../../apps/api/src/invitations/mail-link';
import { RUNTIME, type Runtime } from '../../apps/api/src/runtime';

// Issue 20: only a mail whose end ("<CRLF>.<CRLF>") went out can be in doubt, and that one goes out again unchanged;
// everything before it is sent again as a new mail with a new link.
describe('invitation mails before and after their end was handed over', () => {
  let app: TestApp;
  let mailpit: Mailpit;
  let relay: SmtpFaultRelay;
  let organiser: string;
  let conferenceId: string;
  let sql: Client;
  const slug = 'uebergabe';
  const path = (rest: string) => `/api/conferences/${slug}${rest}`;
  const db = () => app.podium.dataSource;
  const outbox = () => app.podium.app.get(MailOutbox);
  type Row = { id: string; state: string; attempts: number; last_error: string | null; handed_over: boolean; invitation_id: string | null };
  const rowOf = async (email: string): Promise<Row> =>
    (
      await db().query(
        `SELECT o.id, o.state, o.attempts, o.last_error, o.handed_over_at IS NOT NULL AS handed_over, o.invitation_id
           FROM mail_outbox o JOIN person p ON p.id = o.person_id WHERE p.email = $1 AND o.kind = 'invitation'`,
        [email],
      )
    )[0];
  const mailsTo = async (email: string) => (await mailpit.messages()).filter((m) => m.to[0] === email);
  const queue = async (csv: string) => {
    expect((await api(app.url, 'POST', path('/participants/import'), { token: organiser, body: { csv } })).status).toBe(201);
    expect((await api(app.url, 'POST', path('/mails/send'), { token: organiser, body: {} })).status).toBe(202);
  };
  const signsIn = async (link: string) => (await api(app.url, 'GET', new URL(link, app.url).pathname, { headers: { accept: 'application/json' } })).status;
  const until = async (what: string, probe: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await probe()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`waited in vain for ${what}`);
  };

  beforeAll(async () => {
    mailpit = await startMailpit();
    relay = await startSmtpFaultRelay(mailpit.smtpUrl);
    // MAIL_POLL_SECONDS=0: no background passes, the test drives the outbox itself.
    app = await startTestApp('mail_handed_over', { livekit: false, seedDemo: false, env: { SMTP_URL: relay.smtpUrl, MAIL_POLL_SECONDS: '0' } });
    conferenceId = await createConference(db(), slug);
    organiser = (await signIn(app, 'organiser', 'Orga', slug)).token;
    sql = new Client({ connectionString: app.database.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end().catch(() => undefined);
    await app?.stop();
    await relay?.stop();
    await mailpit?.stop();
  });

  it('queues again what a dead sender had not handed over (once, with a new link) and sends what it had handed over again unchanged', async () => {
    await queue('Name,E-Mail\nAnna,anna@example.org\nBen,ben@example.org\n');
    // A sender process of its own: its worker lock on a connection of its own, both rows claimed by it.
    const dead = new Client({ connectionString: app.database.url });
    await dead.connect();
    await dead.query('SELECT pg_advisory_lock(1732666, 4242)');
    const identity = app.podium.app.get(IdentityService);
    // The claims as the dead sender made them: a link derived from the row's nonce, the mail kept with the link left out.
    const nonce = { anna: '00000000-0000-4000-8000-00000000a001', ben: '00000000-0000-4000-8000-00000000b002' };
    const secret = app.podium.app.get<Runtime>(RUNTIME).jwtSecret;
    const claim = async (email: string, handedOver: boolean, linkNonce: string) => {
      const [{ person_id }] = await db().query(`SELECT id AS person_id FROM person WHERE email = $1`, [email]);
      const link = await identity.issueLink({ personId: person_id, conferenceId, role: 'attendee', createdBy: null }, undefined, mailLinkToken(secret, linkNonce));
      const message = { subject: 'Ihre Einladung', text: `Hallo, hier ist Ihr Link: https://podium.example/signin/${LINK_MARK}\nBis bald`, date: '2026-11-30T10:00:00.000Z' };
      await db().query(
        `UPDATE mail_outbox SET state = 'sending', attempts = 1, attempt_id = gen_random_uuid(), worker_key = 4242, claimed_at = now(),
                invitation_id = $2, handed_over_at = CASE WHEN $3 THEN now() END, link_nonce = $4, message = $5 WHERE person_id = $1 AND kind = 'invitation'`,
        [person_id, link.invitationId, handedOver, linkNonce, message],
      );
      return link.link;
    };
    const annaOld = await claim('anna@example.org', false, nonce.anna);
    const benOld = await claim('ben@example.org', true, nonce.ben);

    // While that sender lives its claims are its own.
    expect(await outbox().drain()).toBe(0);
    expect((await rowOf('anna@example.org')).state).toBe('sending');

    await dead.end(); // the process dies: Postgres drops its lock
    expect(await outbox().drain()).toBe(2);
    const anna = await rowOf('anna@example.org');
    expect(anna).toMatchObject({ state: 'sent', attempts: 2, last_error: null, handed_over: true });
    const ben = await rowOf('ben@example.org');
    expect(ben).toMatchObject({ state: 'sent', attempts: 2, handed_over: true });
    expect(ben.last_error).toMatch(/may have arrived twice/);

    expect(await outbox().drain()).toBe(0); // nothing more goes out
    const annaMails = await mailsTo('anna@example.org');
    expect(annaMails.length).toBe(1);
    // Anna's mail carries a new link; the unsent one was dropped.
    const annaNew = signInLinkIn(await mailpit.text(annaMails[0].id));
    expect(new URL(annaNew).pathname).not.toBe(new URL(annaOld).pathname);
    expect(await signsIn(annaNew)).toBe(200);
    expect(await signsIn(annaOld)).toBe(401);
    // Ben's went out again as the mail the dead sender had built: its text, its Date, its link (which still works).
    const benMails = await mailsTo('ben@example.org');
    expect(benMails.length).toBe(1);
    const benMail = await mailpit.identity(benMails[0].id);
    expect(benMail).toMatchObject({ subject: 'Ihre Einladung', date: '2026-11-30T10:00:00Z' });
    expect(benMail.text.replace(/\r\n/g, '\n').trim()).toBe(`Hallo, hier ist Ihr Link: https://podium.example${new URL(benOld).pathname}\nBis bald`);
    expect(await signsIn(benOld)).toBe(200);
  });

  /** Plans `fault` with the DATA reply held until the test holds the mail's row; returns the row id and the running drain. */
  const sendHoldingRow = async (email: string, fault: SmtpFault) => {
    let bodyMayFlow!: () => void;
    const atData = new Promise<void>((resolve) => {
      relay.plan({
        ...fault,
        beforeBody: () => {
          resolve();
          return new Promise<void>((go) => (bodyMayFlow = go));
        },
      });
    });
    const draining = outbox().drain();
    await atData;
    // The claim is committed; the test holds its row so the sender's next steps wait where we can see them.
    const { id } = await rowOf(email);
    await sql.query('BEGIN');
    await sql.query('SELECT 1 FROM mail_outbox WHERE id = $1 FOR UPDATE', [id]);
    bodyMayFlow();
    return { id, draining };
  };
  const waitingOnRow = async (statement: string) =>
    (await sql.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND position($1 IN query) > 0`, [statement])).rowCount === 1;

  it('holds back the end of the message until the marker is committed', async () => {
    await queue('Name,E-Mail\nEmil,emil@example.org\n');
    const before = { bytes: relay.bodyBytes(), ends: relay.delivered() };
    const { draining } = await sendHoldingRow('emil@example.org', {});
    // The message went out, the marker waits for the test's row lock: the end must not have gone out.
    await until('the message at the relay and the marker waiting', async () => relay.bodyBytes() > before.bytes && (await waitingOnRow('SET handed_over_at = now()')));
    expect(relay.delivered()).toBe(before.ends);
    await sql.query('COMMIT');
    expect(await draining).toBe(1);
    expect(relay.delivered()).toBe(before.ends + 1);
    expect(await rowOf('emil@example.org')).toMatchObject({ state: 'sent', handed_over: true });
    expect((await mailpit.waitFor(1, 10_000, (m) => m.to[0] === 'emil@example.org')).length).toBe(1);
  });

  it('retries a mail whose connection broke in the middle of the message, and delivers it once', async () => {
    await queue('Name,E-Mail\nCarla,carla@example.org\n');
    const { id, draining } = await sendHoldingRow('carla@example.org', { inBody: 'drop' });
    // The relay drops the connection at the message's first bytes; the sender, told so, goes to release the row.
    await until('the sender to release the row as not delivered', async () => relay.droppedInBody() === 1 && (await waitingOnRow('attempt_id = $2 FOR UPDATE')));
    await sql.query('COMMIT');
    expect(await draining).toBe(1);

    const row = await rowOf('carla@example.org');
    expect(row).toMatchObject({ state: 'queued', attempts: 1, handed_over: false, invitation_id: null });
    expect(row.last_error).toMatch(/closed/i);
    expect(await mailsTo('carla@example.org')).toEqual([]); // Mailpit got half a message and no end: no mail

    await db().query(`UPDATE mail_outbox SET due_at = now() WHERE id = $1`, [id]); // the backoff, skipped
    expect(await outbox().drain()).toBe(1);
    expect(await rowOf('carla@example.org')).toMatchObject({ state: 'sent', attempts: 2, last_error: null });
    expect((await mailsTo('carla@example.org')).length).toBe(1);
  });

  it('sends a mail again unchanged when the connection broke after its end went out', async () => {
    await queue('Name,E-Mail\nDora,dora@example.org\n');
    const before = relay.delivered();
    relay.plan({ afterEnd: 'drop' });
    // The same pass: in doubt, then due at once and sent again through a connection that works.
    expect(await outbox().drain()).toBe(2);
    expect(relay.delivered()).toBe(before + 2);
    const row = await rowOf('dora@example.org');
    expect(row).toMatchObject({ state: 'sent', attempts: 2, handed_over: true });
    expect(row.last_error).toMatch(/may have arrived twice/);
    // The first copy did arrive (Mailpit had the whole message before the relay dropped the connection): Dora has
    // two copies of one mail, same Message-ID, Date, subject and text, and its one link signs in.
    const copies = await mailpit.waitFor(2, 10_000, (m) => m.to[0] === 'dora@example.org');
    expect(copies.length).toBe(2);
    const [first, second] = await Promise.all(copies.map((m) => mailpit.identity(m.id)));
    expect(second).toEqual(first);
    expect(await signsIn(signInLinkIn(first.text))).toBe(200);
    expect(await outbox().drain()).toBe(0);
  });
});
