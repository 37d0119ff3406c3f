import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { createConference } from '../support/invitations';
import { MailOutbox } from '../../apps/api/src/invitations/mail-outbox';

// Without SMTP_URL: development keeps each mail as a file (the link works), production records the mail as failed.
describe('invitation mails without a mail server', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.stop();
  });

  async function sendOne(env: Record<string, string>, label: string) {
    const app = await startTestApp(label, { livekit: false, seedDemo: false, env: { MAIL_POLL_SECONDS: '0', ...env } });
    apps.push(app);
    await createConference(app.podium.dataSource, 'ohne-smtp');
    const { token } = await signIn(app, 'organiser', 'Orga', 'ohne-smtp');
    expect((await api(app.url, 'POST', '/api/conferences/ohne-smtp/participants/import', { token, body: { csv: 'Name;E-Mail\nAnna;anna@example.org\n' } })).status).toBe(201);
    expect((await api(app.url, 'POST', '/api/conferences/ohne-smtp/mails/send', { token, body: {} })).status).toBe(202);
    await app.podium.app.get(MailOutbox).drain();
    const [row] = await app.podium.dataSource.query(`SELECT state, attempts, last_error FROM mail_outbox WHERE kind = 'invitation'`);
    return { app, row };
  }

  it('development writes the mail to PODIUM_DATA_DIR/mails, and its link signs in', async () => {
    const { app, row } = await sendOne({}, 'invitations_dev_files');
    expect(row).toEqual({ state: 'sent', attempts: 1, last_error: null });
    const files = readdirSync(join(app.dataDir, 'mails'));
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(app.dataDir, 'mails', files[0]), 'utf8');
    expect(eml).toMatch(/^To: Anna <anna@example.org>$/m);
    // The text is quoted-printable: soft line breaks (`=` at a line's end) may split the link.
    const path = /\/signin\/[A-Za-z0-9_-]{43}/.exec(eml.replace(/=\r?\n/g, ''))![0];
    expect((await api(app.url, 'GET', path, { headers: { accept: 'application/json' } })).status).toBe(200);
  });

  it('production records the mail as failed with the reason and retries later', async () => {
    const { row } = await sendOne({ NODE_ENV: 'production', PODIUM_SEED_DEMO: 'false' }, 'invitations_prod_nosmtp');
    expect(row).toEqual({ state: 'queued', attempts: 1, last_error: 'No mail server configured (SMTP_URL)' });
  });
});
