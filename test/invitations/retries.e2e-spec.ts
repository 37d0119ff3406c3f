import { api, startTestApp, type TestApp } from '../support/app';
import { startMailpit, type Mailpit } from '../support/mailpit';
import { signIn } from '../support/people';
import { createConference } from '../support/invitations';
import { freeTcpPort } from '../support/server-process';
import { MailOutbox } from '../../apps/api/src/invitations/mail-outbox';

// A mail server that is down: mails are retried with backoff, delivered once it is back, failed with the reason after 5 attempts.
describe('invitation mails when the mail server is down', () => {
  let app: TestApp;
  let mailpit: Mailpit | undefined;
  let smtpPort: number;
  let organiser: string;
  const slug = 'ausfall';
  const path = (rest: string) => `/api/conferences/${slug}${rest}`;

  beforeAll(async () => {
    smtpPort = await freeTcpPort(); // nothing listens here yet
    // MAIL_POLL_SECONDS=0: no background passes, the test drives the outbox itself.
    app = await startTestApp('invitations_retry', { livekit: false, seedDemo: false, env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_POLL_SECONDS: '0' } });
    await createConference(app.podium.dataSource, slug);
    organiser = (await signIn(app, 'organiser', 'Orga', slug)).token;
    const imported = await api(app.url, 'POST', path('/participants/import'), { token: organiser, body: { csv: 'Name,E-Mail\nAnna,anna@example.org\nBen,ben@example.org\n' } });
    expect(imported.status).toBe(201);
  });

  afterAll(async () => {
    await app?.stop();
    await mailpit?.stop();
  });

  const db = () => app.podium.dataSource;
  const outbox = () => app.podium.app.get(MailOutbox);
  const dueNow = (email: string) => db().query(`UPDATE mail_outbox o SET due_at = now() FROM person p WHERE p.id = o.person_id AND p.email = $1 AND o.kind = 'invitation'`, [email]);
  type Row = { email: string; state: string; attempts: number; last_error: string | null; wait: number };
  const state = async (): Promise<Row[]> =>
    db().query(
        `SELECT p.email, o.state, o.attempts, o.last_error, round(extract(epoch FROM o.due_at - now()))::int AS wait
           FROM mail_outbox o JOIN person p ON p.id = o.person_id WHERE o.kind = 'invitation' ORDER BY p.email`,
    );

  it('waits 1 minute after the first failure, then 2; delivers once the server is back', async () => {
    expect((await api(app.url, 'POST', path('/mails/send'), { token: organiser, body: {} })).status).toBe(202);
    expect(await outbox().drain()).toBe(2);
    let rows = await state();
    expect(rows.map((r) => [r.email, r.state, r.attempts])).toEqual([
      ['anna@example.org', 'queued', 1],
      ['ben@example.org', 'queued', 1],
    ]);
    for (const r of rows) {
      expect(r.last_error).toMatch(/ECONNREFUSED/);
      expect(r.wait).toBeGreaterThanOrEqual(55); // 60 s backoff, give or take the test's own seconds
      expect(r.wait).toBeLessThanOrEqual(60);
    }
    expect(await outbox().drain()).toBe(0); // nothing is due before the backoff ends

    await dueNow('ben@example.org');
    expect(await outbox().drain()).toBe(1);
    rows = await state();
    expect(rows[1]).toMatchObject({ state: 'queued', attempts: 2 });
    expect(rows[1].wait).toBeGreaterThanOrEqual(115);
    expect(rows[1].wait).toBeLessThanOrEqual(120);

    mailpit = await startMailpit({ smtpPort });
    await dueNow('anna@example.org');
    expect(await outbox().drain()).toBe(1);
    expect((await mailpit.messages()).map((m) => m.to)).toEqual([['anna@example.org']]);
    expect((await state())[0]).toMatchObject({ state: 'sent', attempts: 2, last_error: null });
  });

  it('gives up after 5 attempts and shows the reason to the organiser', async () => {
    await mailpit!.stop();
    mailpit = undefined;
    for (let i = 0; i < 3; i++) {
      await dueNow('ben@example.org');
      expect(await outbox().drain()).toBe(1);
    }
    expect((await state())[1]).toMatchObject({ state: 'failed', attempts: 5 });
    const people = (await api(app.url, 'GET', path('/participants'), { token: organiser })).body;
    const ben = people.find((p: { email: string }) => p.email === 'ben@example.org');
    expect(ben.invitation).toMatchObject({ state: 'failed', attempts: 5, sentAt: null, signedIn: false });
    expect(ben.invitation.lastError).toMatch(/ECONNREFUSED/);
    expect((await api(app.url, 'GET', path('/mails/progress'), { token: organiser })).body).toEqual({ people: 2, queued: 0, sent: 1, failed: 1, withdrawn: 0, sending: 0, inDoubt: 0, signedIn: 0 });
    // A failed mail leaves no working link behind: the only invitation rows are the one sent to Anna.
    expect(Number((await db().query(`SELECT count(*) AS n FROM invitation i JOIN person p ON p.id = i.person_id WHERE p.email IS NOT NULL AND p.email <> ''`))[0].n)).toBe(1);
  });
});
