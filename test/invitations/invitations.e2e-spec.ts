import { api, startTestApp, type TestApp } from '../support/app';
import { startMailpit, type Mailpit } from '../support/mailpit';
import { signIn } from '../support/people';
import { createConference, signInLinkIn } from '../support/invitations';
import { MailOutbox } from '../../apps/api/src/invitations/mail-outbox';

// Invitations by e-mail against real PostgreSQL and a real Mailpit SMTP server.
describe('invitations by e-mail', () => {
  let app: TestApp;
  let mailpit: Mailpit;
  let organiser: string;
  let attendee: string;
  let count: (sql: string) => Promise<number>;
  const slug = 'einladung';
  const path = (rest: string) => `/api/conferences/${slug}${rest}`;

  beforeAll(async () => {
    mailpit = await startMailpit();
    app = await startTestApp('invitations', { livekit: false, seedDemo: false, env: { SMTP_URL: mailpit.smtpUrl, MAIL_POLL_SECONDS: '1', MAIL_FROM: 'BuKo <buko@example.org>' } });
    await createConference(app.podium.dataSource, slug);
    organiser = (await signIn(app, 'organiser', 'Orga', slug)).token;
    attendee = (await signIn(app, 'attendee', 'Zuschauerin', slug)).token;
    count = async (sql) => Number((await app.podium.dataSource.query(sql))[0].n);
  });

  afterAll(async () => {
    await app?.stop();
    await mailpit?.stop();
  });

  const list =
    'Name;E-Mail;Organisation;Funktion;Rolle;Sprache\r\n' +
    'Anna Müller;anna@example.org;"Stadt Köln; Integrationsrat";Vorsitzende;Referentin;de\r\n' +
    'Ben Li;ben@example.org;;;;en\r\n' +
    'Carla Díaz;carla@example.org;Land NRW;;Moderation;de\r\n';

  it('previews a list with every error per row and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM person');
    const bad = list + 'Dora;kein-at-zeichen;;;;\r\n;leer@example.org;;;Chef;fr\r\n';
    const res = await api(app.url, 'POST', path('/participants/preview'), { token: organiser, body: { csv: bad } });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(3);
    expect(res.body.errors).toEqual([
      { line: 5, field: 'email', message: '"kein-at-zeichen" is not an e-mail address' },
      { line: 6, field: 'name', message: 'Name must be 1 to 80 visible characters' },
      { line: 6, field: 'role', message: 'Unknown role "Chef" (attendee, speaker, moderator, interpreter, organiser)' },
      { line: 6, field: 'language', message: 'Unknown language "fr" (de or en)' },
    ]);
    expect(await count('SELECT count(*) AS n FROM person')).toBe(before);
  });

  it('imports nothing when any row is bad, everything in one transaction when all are good', async () => {
    const bad = await api(app.url, 'POST', path('/participants/import'), { token: organiser, body: { csv: list + 'Dora;dora@;;;;\r\n' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual([{ line: 5, field: 'email', message: '"dora@" is not an e-mail address' }]);
    expect(await count('SELECT count(*) AS n FROM mail_participant')).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM person WHERE email = 'anna@example.org'`)).toBe(0);

    const good = await api(app.url, 'POST', path('/participants/import'), { token: organiser, body: { csv: list } });
    expect(good.status).toBe(201);
    expect(good.body).toEqual({ imported: 3 });
    const again = await api(app.url, 'POST', path('/participants/preview'), { token: organiser, body: { csv: list } });
    expect(again.body.errors.map((e: { line: number; message: string }) => `${e.line} ${e.message}`)).toEqual([
      '2 This address is already on the list of this conference',
      '3 This address is already on the list of this conference',
      '4 This address is already on the list of this conference',
    ]);
    const people = await api(app.url, 'GET', path('/participants'), { token: organiser });
    expect(people.body.map((p: { name: string; email: string; role: string; language: string; organisation: string | null }) => [p.name, p.email, p.role, p.language, p.organisation])).toEqual([
      ['Anna Müller', 'anna@example.org', 'speaker', 'de', 'Stadt Köln; Integrationsrat'],
      ['Ben Li', 'ben@example.org', 'attendee', 'en', null],
      ['Carla Díaz', 'carla@example.org', 'moderator', 'de', 'Land NRW'],
    ]);
    // E-mail addresses are for organisers of this conference only.
    expect((await api(app.url, 'GET', path('/participants'), { token: attendee })).status).toBe(403);
  });

  it('sends each of 3 invitations once, in the person\'s language, with a sign-in link that works', async () => {
    const sent = await api(app.url, 'POST', path('/mails/send'), { token: organiser, body: { kind: 'invitation' } });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ queued: 6 }); // 3 invitations + 3 reminders due the day before the conference
    const mails = await mailpit.waitFor(3);
    // Queuing again is a no-op; a full pass of the outbox afterwards sends nothing more.
    expect((await api(app.url, 'POST', path('/mails/send'), { token: organiser, body: {} })).body).toEqual({ queued: 0 });
    await app.podium.app.get(MailOutbox).drain();
    const all = await mailpit.messages();
    expect(all.map((m) => m.to[0]).sort()).toEqual(['anna@example.org', 'ben@example.org', 'carla@example.org']);
    expect(Object.fromEntries(all.map((m) => [m.to[0], m.subject]))).toEqual({
      'anna@example.org': 'Einladung: Konferenz einladung',
      'ben@example.org': 'Invitation: Konferenz einladung',
      'carla@example.org': 'Einladung: Konferenz einladung',
    });
    const anna = mails.find((m) => m.to[0] === 'anna@example.org')!;
    const text = await mailpit.text(anna.id);
    expect(text).toContain('Guten Tag Anna Müller,');
    const link = signInLinkIn(text);
    expect(link.startsWith(app.url + '/signin/')).toBe(true);
    const redeemed = await api(app.url, 'GET', new URL(link).pathname, { headers: { accept: 'application/json' } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.person.displayName).toBe('Anna Müller');
    const me = await api(app.url, 'GET', '/api/auth/me', { token: redeemed.body.token });
    expect(me.body.roles).toEqual([{ conference: slug, role: 'speaker' }]);

    const progress = await api(app.url, 'GET', path('/mails/progress'), { token: organiser });
    expect(progress.body).toEqual({ people: 3, queued: 0, sent: 3, failed: 0, withdrawn: 0, sending: 0, inDoubt: 0, signedIn: 1 });
    const people = await api(app.url, 'GET', path('/participants'), { token: organiser });
    expect(people.body.map((p: { name: string; invitation: { state: string; signedIn: boolean } }) => [p.name, p.invitation.state, p.invitation.signedIn])).toEqual([
      ['Anna Müller', 'sent', true],
      ['Ben Li', 'sent', false],
      ['Carla Díaz', 'sent', false],
    ]);
  });

  it('withdraws a link and sends a new one from the organiser\'s own template', async () => {
    const people = (await api(app.url, 'GET', path('/participants'), { token: organiser })).body as { personId: string; email: string }[];
    const ben = people.find((p) => p.email === 'ben@example.org')!;
    const oldMail = (await mailpit.messages()).find((m) => m.to[0] === 'ben@example.org')!;
    const oldLink = new URL(signInLinkIn(await mailpit.text(oldMail.id))).pathname;

    const template = { kind: 'invitation', language: 'en', subject: 'Welcome, {{name}}', body: 'Dear {{name}} ({{organisation}}), your link: {{link}}' };
    expect((await api(app.url, 'PUT', path('/mail-templates'), { token: organiser, body: { ...template, body: 'no link here' } })).status).toBe(400);
    expect((await api(app.url, 'PUT', path('/mail-templates'), { token: organiser, body: template })).status).toBe(204);

    const again = await api(app.url, 'POST', path(`/participants/${ben.personId}/resend`), { token: organiser });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ queued: 2 }); // the new invitation and its reminder
    const mails = await mailpit.waitFor(4);
    const newMail = mails.find((m) => m.to[0] === 'ben@example.org' && m.id !== oldMail.id)!;
    expect(newMail.subject).toBe('Welcome, Ben Li');
    const text = await mailpit.text(newMail.id);
    expect(text).toMatch(/^Dear Ben Li \(\), your link: http/);
    expect((await api(app.url, 'GET', oldLink, { headers: { accept: 'application/json' } })).status).toBe(401);
    expect((await api(app.url, 'GET', new URL(signInLinkIn(text)).pathname, { headers: { accept: 'application/json' } })).status).toBe(200);
    expect((await api(app.url, 'POST', path(`/participants/00000000-0000-4000-8000-000000000000/resend`), { token: organiser })).status).toBe(404);
  });

  it("erases a person's data when they ask and the organiser carries it out", async () => {
    const carlaMail = (await mailpit.messages()).find((m) => m.to[0] === 'carla@example.org')!;
    const link = new URL(signInLinkIn(await mailpit.text(carlaMail.id))).pathname;
    const carla = (await api(app.url, 'GET', link, { headers: { accept: 'application/json' } })).body;
    const asked = await api(app.url, 'POST', '/api/me/erasure-request', { token: carla.token });
    expect(asked.status).toBe(202);
    const listed = (await api(app.url, 'GET', path('/participants'), { token: organiser })).body as { personId: string; erasureRequestedAt: string | null }[];
    expect(listed.filter((p) => p.erasureRequestedAt !== null).map((p) => p.personId)).toEqual([carla.person.id]);
    expect((await api(app.url, 'POST', path(`/participants/${carla.person.id}/erase`), { token: organiser })).status).toBe(204);
    const [row] = await app.podium.dataSource.query('SELECT display_name, email, organisation FROM person WHERE id = $1', [carla.person.id]);
    expect(row).toEqual({ display_name: 'Gelöschte Person', email: null, organisation: null });
    expect((await api(app.url, 'GET', '/api/auth/me', { token: carla.token })).status).toBe(401);
    const people = (await api(app.url, 'GET', path('/participants'), { token: organiser })).body as { email: string }[];
    expect(people.map((p) => p.email)).toEqual(['anna@example.org', 'ben@example.org']);
    expect((await api(app.url, 'POST', path(`/participants/${carla.person.id}/erase`), { token: organiser })).status).toBe(404);

    // Someone who also belongs to another conference is erased by a platform organiser only (tenancy).
    const ben = (people as { personId: string; email: string }[]).find((p) => p.email === 'ben@example.org')!;
    const elsewhere = await createConference(app.podium.dataSource, 'anderswo');
    await app.podium.dataSource.query(`INSERT INTO conference_role (conference_id, person_id, role) VALUES ($1, $2, 'attendee')`, [elsewhere, ben.personId]);
    const refused = await api(app.url, 'POST', path(`/participants/${ben.personId}/erase`), { token: organiser });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('This person also appears in another conference; only a platform organiser may erase their data');
    const platform = (await signIn(app, 'organiser', 'Plattform', null)).token;
    expect((await api(app.url, 'POST', path(`/participants/${ben.personId}/erase`), { token: platform })).status).toBe(204);
  });

  it('reminds a person on a session before it starts, once', async () => {
    const db = app.podium.dataSource;
    const [anna] = await db.query(`SELECT id FROM person WHERE email = 'anna@example.org'`);
    const [session] = await db.query(
      `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, status)
       SELECT id, 'panel', 'Forum Integration', date_trunc('minute', now()) + interval '3 hours', date_trunc('minute', now()) + interval '4 hours', 'scheduled'
         FROM conference WHERE slug = $1 RETURNING id, starts_at`,
      [slug],
    );
    await db.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'speaker')`, [session.id, anna.id]);
    const outbox = app.podium.app.get(MailOutbox);
    await outbox.enqueueSessionReminders();
    await outbox.drain();
    // The app's own pass (every second here) may hold the row while our drain skips it: wait for the mail itself.
    const sessionReminder = (m: { subject: string }) => m.subject.startsWith('Ihre Sitzung');
    await mailpit.waitFor(1, 30_000, sessionReminder);
    await outbox.enqueueSessionReminders(); // a second pass queues nothing new
    await outbox.drain();
    const reminders = (await mailpit.messages()).filter(sessionReminder);
    const start = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(session.starts_at);
    expect(reminders.map((m) => [m.to[0], m.subject])).toEqual([['anna@example.org', `Ihre Sitzung „Forum Integration“ beginnt ${start}`]]);
    const text = await mailpit.text(reminders[0].id);
    expect((await api(app.url, 'GET', new URL(signInLinkIn(text)).pathname, { headers: { accept: 'application/json' } })).status).toBe(200);
  });

  it('sends the reminder queued with the invitation on the day before the conference, 9:00 there', async () => {
    const db = app.podium.dataSource;
    const [due] = await db.query(
      `SELECT o.due_at = ((current_date + 29) + time '09:00') AT TIME ZONE 'Europe/Berlin' AS on_time
         FROM mail_outbox o JOIN person p ON p.id = o.person_id WHERE p.email = 'anna@example.org' AND o.kind = 'reminder'`,
    );
    expect(due).toEqual({ on_time: true });
    await db.query(`UPDATE mail_outbox o SET due_at = now() FROM person p WHERE p.id = o.person_id AND p.email = 'anna@example.org' AND o.kind = 'reminder'`);
    await app.podium.app.get(MailOutbox).drain();
    const reminder = (m: { subject: string }) => m.subject.startsWith('Erinnerung');
    await mailpit.waitFor(1, 30_000, reminder); // the app's own pass may be the one sending it
    const reminders = (await mailpit.messages()).filter(reminder);
    expect(reminders.map((m) => [m.to[0], m.subject])).toEqual([['anna@example.org', 'Erinnerung: Konferenz einladung beginnt bald']]);
  });

  it('refuses bad input with a clear error', async () => {
    expect((await api(app.url, 'POST', path('/participants/import'), { token: organiser, body: { csv: 42 } })).status).toBe(400);
    expect((await api(app.url, 'POST', path('/mails/send'), { token: organiser, body: { kind: 'spam' } })).status).toBe(400);
    expect((await api(app.url, 'POST', path('/mails/send'), { token: organiser, body: { personIds: ['nope'] } })).status).toBe(400);
    const empty = await api(app.url, 'POST', path('/participants/import'), { token: organiser, body: { csv: 'Name;E-Mail\r\n' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('The list has nobody on it');
  });
});
