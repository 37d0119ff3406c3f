// How the invitation routes are called in the access matrix, and how an allowed answer shows its effect.
import type { Cast } from './cast';
import { exists, fail, one, unique, type Prepare } from './http-call-kit';

/** A fresh person on A's participant list, with one invitation mail queued far in the future (the sender leaves it alone). */
async function participant(c: Cast, n: number): Promise<string> {
  const id = (await one(c, `INSERT INTO person (display_name, email) VALUES ($1, $2) RETURNING id`, [`Teilnehmerin ${unique(n)}`, `tn-${unique(n)}@example.org`])).id as string;
  await c.db.query(`INSERT INTO conference_role (conference_id, person_id, role) VALUES ($1, $2, 'attendee')`, [c.conferenceId, id]);
  await c.db.query(`INSERT INTO mail_participant (conference_id, person_id, role, language) VALUES ($1, $2, 'attendee', 'de')`, [c.conferenceId, id]);
  await c.db.query(`INSERT INTO mail_outbox (conference_id, person_id, kind, idempotency_key, due_at) VALUES ($1, $2, 'invitation', $3, now() + interval '30 days')`, [
    c.conferenceId,
    id,
    `matrix:${id}`,
  ]);
  return id;
}

const csv = (n: number) => `Name;E-Mail\r\nImport ${unique(n)};import-${unique(n)}@example.org\r\n`;

export function invitationCalls(): Record<string, Prepare> {
  const base = (c: Cast) => `/api/conferences/${c.slug}`;
  return {
    'POST /api/conferences/:slug/participants/preview': (c, p, n) => {
      const email = `preview-${unique(n)}@example.org`;
      return {
        path: `${base(c)}/participants/preview`,
        body: { csv: `Name;E-Mail\r\nVorschau;${email}\r\nOhne Adresse;\r\n` },
        verify: async (a) =>
          fail(a.body.valid === 1 && a.body.errors?.length === 1 && a.body.errors[0].line === 3, `preview: ${JSON.stringify(a.body).slice(0, 120)}`) ??
          fail(!(await exists(c, 'SELECT 1 FROM person WHERE email = $1', [email])), 'the preview wrote a person'),
      };
    },
    'POST /api/conferences/:slug/participants/import': (c, p, n) => {
      const body = { csv: csv(n) };
      const email = body.csv.split('\r\n')[1].split(';')[1];
      return {
        path: `${base(c)}/participants/import`,
        body,
        verify: async () => fail(await exists(c, 'SELECT 1 FROM mail_participant mp JOIN person p ON p.id = mp.person_id WHERE mp.conference_id = $1 AND p.email = $2', [c.conferenceId, email]), 'not imported into A'),
      };
    },
    'GET /api/conferences/:slug/participants': async (c, p, n) => {
      const id = await participant(c, n);
      return { path: `${base(c)}/participants`, verify: (a) => fail(Array.isArray(a.body) && a.body.some((x: { personId: string; email: string }) => x.personId === id && x.email.endsWith('@example.org')), 'the list lacks the participant or the address') };
    },
    'POST /api/conferences/:slug/participants/:personId/withdraw': async (c, p, n) => {
      const id = await participant(c, n);
      return { path: `${base(c)}/participants/${id}/withdraw`, verify: async () => fail(await exists(c, `SELECT 1 FROM mail_outbox WHERE person_id = $1 AND state = 'withdrawn'`, [id]), 'mail not withdrawn') };
    },
    'POST /api/conferences/:slug/participants/:personId/resend': async (c, p, n) => {
      const id = await participant(c, n);
      return {
        path: `${base(c)}/participants/${id}/resend`,
        verify: async () => fail(await exists(c, `SELECT 1 FROM mail_outbox WHERE person_id = $1 AND kind = 'invitation' AND idempotency_key LIKE '%:1'`, [id]), 'no new invitation queued'),
      };
    },
    'POST /api/conferences/:slug/participants/:personId/erase': async (c, p, n) => {
      const id = await participant(c, n);
      return {
        path: `${base(c)}/participants/${id}/erase`,
        verify: async () => fail(await exists(c, `SELECT 1 FROM person WHERE id = $1 AND email IS NULL AND display_name = 'Gelöschte Person'`, [id]), 'not erased'),
      };
    },
    'POST /api/conferences/:slug/mails/send': async (c, p, n) => {
      const id = await participant(c, n);
      await c.db.query(`UPDATE mail_participant SET generation = 7 WHERE person_id = $1`, [id]);
      return {
        path: `${base(c)}/mails/send`,
        body: { personIds: [id] },
        verify: async () => fail(await exists(c, `SELECT 1 FROM mail_outbox WHERE person_id = $1 AND idempotency_key LIKE 'invitation:%:7'`, [id]), 'no mail queued'),
      };
    },
    'GET /api/conferences/:slug/mails/progress': (c) => ({ path: `${base(c)}/mails/progress`, verify: (a) => fail(typeof a.body.people === 'number' && typeof a.body.sent === 'number', 'no progress') }),
    'GET /api/conferences/:slug/mail-templates': (c) => ({ path: `${base(c)}/mail-templates`, verify: (a) => fail(Array.isArray(a.body) && a.body.length === 6, 'not the 6 templates (3 kinds, 2 languages)') }),
    'PUT /api/conferences/:slug/mail-templates': (c, p, n) => {
      const subject = `Einladung ${unique(n)}`;
      return {
        path: `${base(c)}/mail-templates`,
        body: { kind: 'invitation', language: 'de', subject, body: 'Hallo {{name}}: {{link}}' },
        verify: async () => fail(await exists(c, 'SELECT 1 FROM mail_template WHERE conference_id = $1 AND subject = $2', [c.conferenceId, subject]), 'template not saved'),
      };
    },
    'POST /api/me/erasure-request': (c, p) => ({
      path: '/api/me/erasure-request',
      verify: async (a) => fail(typeof a.body.requestedAt === 'string' && (await exists(c, 'SELECT 1 FROM erasure_request WHERE person_id = $1', [c.ids[p]])), 'no request recorded'),
    }),
  };
}
