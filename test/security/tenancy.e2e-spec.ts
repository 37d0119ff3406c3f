// Trust II rules 2-5 (docs/security.md "Accounts and tenancy"): people shared by conferences, guests
// bound to their conference, unpublished conferences hidden, the public people list. Expected answers are written by hand.
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';

interface Fixture {
  sessionA: string;
  sessionB: string;
  sessionU: string;
  solo: string;
  shared: string;
  platformSpeaker: string;
  outsider: string;
  invitedOnNoSession: string;
}

describe('tenancy: conferences keep to their own people, guests and visibility', () => {
  let app: TestApp;
  let f: Fixture;
  let orgA: string;
  let orgU: string;
  let platform: string;
  let guestA: string;
  const db = () => app.podium.dataSource;
  const person = async (name: string): Promise<string> => (await db().query(`INSERT INTO person (display_name) VALUES ($1) RETURNING id`, [name]))[0].id;
  const onSession = (sessionId: string, personId: string, role = 'speaker') =>
    db().query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, $3)`, [sessionId, personId, role]);
  const nameOf = async (id: string): Promise<string> => (await db().query(`SELECT display_name FROM person WHERE id = $1`, [id]))[0].display_name;

  beforeAll(async () => {
    app = await startTestApp('sec-tenancy', { livekit: false, seedDemo: false, env: { RATE_LIMIT_FACTOR: '0' } });
    const conference = async (slug: string, published: boolean, guests: boolean): Promise<string> => {
      const [c] = await db().query(
        `INSERT INTO conference (slug, title, start_date, end_date, timezone, published, allow_guests) VALUES ($1, $1, '2031-05-01', '2031-05-01', 'Europe/Berlin', $2, $3) RETURNING id`,
        [slug, published, guests],
      );
      const [s] = await db().query(
        `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, capacity) VALUES ($1, 'panel', 'Podium ' || $2, '2031-05-01T10:00Z', '2031-05-01T11:00Z', 10) RETURNING id`,
        [c.id, slug],
      );
      return s.id;
    };
    const sessionA = await conference('konf-a', true, true);
    const sessionB = await conference('konf-b', true, false);
    const sessionU = await conference('konf-entwurf', false, true);
    orgA = (await signIn(app, 'organiser', 'Orga A', 'konf-a')).token;
    orgU = (await signIn(app, 'organiser', 'Orga Entwurf', 'konf-entwurf')).token;
    const platformSignIn = await signIn(app, 'organiser', 'Plattform', null);
    platform = platformSignIn.token;
    f = {
      sessionA,
      sessionB,
      sessionU,
      solo: await person('Nur In A'),
      shared: await person('In A Und B'),
      platformSpeaker: platformSignIn.personId,
      outsider: await person('Nur In B'),
      invitedOnNoSession: (await signIn(app, 'moderator', 'Eingeladen Ohne Sitzung', 'konf-a')).personId,
    };
    await onSession(sessionA, f.solo);
    await onSession(sessionA, f.shared);
    await onSession(sessionB, f.shared);
    await onSession(sessionA, f.platformSpeaker);
    await onSession(sessionB, f.outsider);
    const guest = await api(app.url, 'POST', '/api/conferences/konf-a/guests', { body: { displayName: 'Gast aus A' } });
    expect(guest.status).toBe(201);
    guestA = guest.body.token;
  });
  afterAll(() => app?.stop());

  describe('rule 2: a conference organiser edits only people who are theirs alone', () => {
    it('edits a person who appears only in their conference', async () => {
      const res = await api(app.url, 'PATCH', `/api/conferences/konf-a/people/${f.solo}`, { token: orgA, body: { name: 'Nur In A (neu)' } });
      expect(res.status).toBe(200);
      expect(await nameOf(f.solo)).toBe('Nur In A (neu)');
    });

    it('refuses (403) to rename or remove a person who also appears in another conference, and changes nothing', async () => {
      const patch = await api(app.url, 'PATCH', `/api/conferences/konf-a/people/${f.shared}`, { token: orgA, body: { name: 'Umbenannt' } });
      expect(patch.status).toBe(403);
      expect(patch.body.error.code).toBe('FORBIDDEN');
      expect(patch.body.error.message).toMatch(/also appears in another conference/);
      expect(patch.body.error.message).toMatch(/platform organiser/);
      expect(await nameOf(f.shared)).toBe('In A Und B');
      expect((await api(app.url, 'DELETE', `/api/conferences/konf-a/people/${f.shared}`, { token: orgA })).status).toBe(403);
      expect((await db().query(`SELECT count(*)::int AS n FROM session_person WHERE person_id = $1`, [f.shared]))[0].n).toBe(2);
    });

    it('refuses (403) to edit a platform organiser who is on one of its sessions', async () => {
      const res = await api(app.url, 'PATCH', `/api/conferences/konf-a/people/${f.platformSpeaker}`, { token: orgA, body: { name: 'Übernommen' } });
      expect(res.status).toBe(403);
      expect(await nameOf(f.platformSpeaker)).toBe('Plattform');
    });

    it('answers 404 for a person of another conference only', async () => {
      expect((await api(app.url, 'PATCH', `/api/conferences/konf-a/people/${f.outsider}`, { token: orgA, body: { name: 'X' } })).status).toBe(404);
      expect((await api(app.url, 'DELETE', `/api/conferences/konf-a/people/${f.outsider}`, { token: orgA })).status).toBe(404);
      expect(await nameOf(f.outsider)).toBe('Nur In B');
    });

    it('lets a platform organiser edit a shared person', async () => {
      const res = await api(app.url, 'PATCH', `/api/conferences/konf-a/people/${f.shared}`, { token: platform, body: { organisation: 'Beide Konferenzen' } });
      expect(res.status).toBe(200);
      expect((await db().query(`SELECT organisation FROM person WHERE id = $1`, [f.shared]))[0].organisation).toBe('Beide Konferenzen');
    });

    it('edits a person the organiser added to the programme', async () => {
      const created = await api(app.url, 'POST', '/api/conferences/konf-a/people', { token: orgA, body: { name: 'Neu Angelegt' } });
      expect(created.status).toBe(201);
      expect((await api(app.url, 'PATCH', `/api/conferences/konf-a/people/${created.body.id}`, { token: orgA, body: { name: 'Neu Angelegt 2' } })).status).toBe(200);
      expect((await api(app.url, 'DELETE', `/api/conferences/konf-a/people/${created.body.id}`, { token: orgA })).status).toBe(204);
    });
  });

  describe('rule 3: a guest acts only in the conference they signed in to', () => {
    it('registers for a seat in their own conference', async () => {
      expect((await api(app.url, 'POST', `/api/sessions/${f.sessionA}/registration`, { token: guestA })).status).toBe(200);
    });

    it('is refused a seat (403) in a conference without guest access, and nothing is written', async () => {
      const res = await api(app.url, 'POST', `/api/sessions/${f.sessionB}/registration`, { token: guestA });
      expect(res.status).toBe(403);
      expect((await db().query(`SELECT count(*)::int AS n FROM session_registration WHERE session_id = $1`, [f.sessionB]))[0].n).toBe(0);
    });

    it('cannot bookmark sessions of another conference (403)', async () => {
      expect((await api(app.url, 'PUT', `/api/sessions/${f.sessionB}/bookmark`, { token: guestA })).status).toBe(403);
      expect((await api(app.url, 'PUT', `/api/sessions/${f.sessionA}/bookmark`, { token: guestA })).status).toBe(204);
    });

    it('does not see an unpublished conference that admits guests (404)', async () => {
      expect((await api(app.url, 'GET', '/api/conferences/konf-entwurf/programme', { token: guestA })).status).toBe(404);
      expect((await api(app.url, 'POST', `/api/sessions/${f.sessionU}/registration`, { token: guestA })).status).toBe(403);
    });
  });

  describe('rule 4: unpublished conferences answer like missing ones', () => {
    it('refuses guest sign-in with the same 404 as an unknown slug', async () => {
      const hidden = await api(app.url, 'POST', '/api/conferences/konf-entwurf/guests', { body: { displayName: 'Neugierig' } });
      const missing = await api(app.url, 'POST', '/api/conferences/gibt-es-nicht/guests', { body: { displayName: 'Neugierig' } });
      expect(hidden.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(JSON.stringify(hidden.body).replace('konf-entwurf', 'SLUG')).toBe(JSON.stringify(missing.body).replace('gibt-es-nicht', 'SLUG'));
      expect((await db().query(`SELECT count(*)::int AS n FROM person WHERE display_name = 'Neugierig'`))[0].n).toBe(0);
    });

    it('hides programme, people, calendar, schedule.json and schedule.xml from anonymous callers, not from its organiser', async () => {
      for (const path of ['programme', 'people', 'calendar.ics', 'schedule.json', 'schedule.xml']) {
        expect([path, (await api(app.url, 'GET', `/api/conferences/konf-entwurf/${path}`)).status]).toEqual([path, 404]);
        expect([path, (await api(app.url, 'GET', `/api/conferences/konf-entwurf/${path}`, { token: orgU })).status]).toEqual([path, 200]);
        expect([path, (await api(app.url, 'GET', `/api/conferences/konf-entwurf/${path}`, { token: orgA })).status]).toEqual([path, 404]);
      }
    });

    it('creates new conferences unpublished unless asked otherwise', async () => {
      const created = await api(app.url, 'POST', '/api/conferences', { token: platform, body: { slug: 'neu-2031', title: 'Neu', startDate: '2031-01-01' } });
      expect(created.status).toBe(201);
      expect(created.body.published).toBe(false);
      expect((await api(app.url, 'GET', '/api/conferences/neu-2031')).status).toBe(404);
      const [{ column_default }] = await db().query(`SELECT column_default FROM information_schema.columns WHERE table_name = 'conference' AND column_name = 'published'`);
      expect(column_default).toBe('false');
    });
  });

  describe('rule 6: a moderator puts onto the stage only people of the conference', () => {
    const stage = (personId: string, onStage: boolean) => api(app.url, 'POST', `/api/sessions/${f.sessionA}/stage/${personId}`, { token: orgA, body: { onStage } });
    const stageRows = async (personId: string) => (await db().query(`SELECT on_stage FROM stage_assignment WHERE session_id = $1 AND person_id = $2`, [f.sessionA, personId])).length;

    it('refuses (404) a person of another conference only, and writes nothing', async () => {
      expect((await stage(f.outsider, true)).status).toBe(404);
      expect(await stageRows(f.outsider)).toBe(0);
    });
    it('stages a speaker of the session and a guest of the conference, and takes anyone off', async () => {
      expect((await stage(f.solo, true)).status).toBe(200);
      const guestId = (await api(app.url, 'GET', '/api/auth/me', { token: guestA })).body.person.id;
      expect((await stage(guestId, true)).status).toBe(200);
      expect((await stage(f.outsider, false)).status).toBe(200);
    });
  });

  describe('rule 5: the public people list shows only people on sessions', () => {
    it('leaves out invited people on no session publicly, and shows them to the organiser', async () => {
      const publicIds = (await api(app.url, 'GET', '/api/conferences/konf-a/people')).body.map((p: { id: string }) => p.id);
      expect(publicIds).toEqual(expect.arrayContaining([f.solo, f.shared, f.platformSpeaker]));
      expect(publicIds).not.toContain(f.invitedOnNoSession);
      expect(publicIds).not.toContain(f.outsider);
      const guestIds = (await api(app.url, 'GET', '/api/conferences/konf-a/people', { token: guestA })).body.map((p: { id: string }) => p.id);
      expect(guestIds).not.toContain(f.invitedOnNoSession);
      const organiserIds = (await api(app.url, 'GET', '/api/conferences/konf-a/people', { token: orgA })).body.map((p: { id: string }) => p.id);
      expect(organiserIds).toContain(f.invitedOnNoSession);
      expect(organiserIds).not.toContain(f.outsider);
    });
  });
});
