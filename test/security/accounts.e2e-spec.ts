// Trust II rules 1, 6 and 7 (docs/security.md "Accounts and tenancy"): invitations never open an existing
// account, guest names cannot pose as people of the conference, tokens must expire, dead links get a page.
import { JwtService } from '@nestjs/jwt';
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';

describe('accounts, guest names and tokens', () => {
  let app: TestApp;
  let platformId: string;
  let orgUlm: string;
  const db = () => app.podium.dataSource;
  const secretOf = (link: string) => link.split('/signin/')[1];

  beforeAll(async () => {
    app = await startTestApp('sec-accounts', { livekit: false, env: { RATE_LIMIT_FACTOR: '0' } });
    const identity = app.podium.app.get(IdentityService);
    platformId = (await identity.invite({ displayName: 'Plattform Betrieb', email: 'betrieb@example.org', role: 'organiser', conferenceId: null })).personId;
    orgUlm = (await signIn(app, 'organiser', 'Orga Ulm', 'buko-2019-ulm')).token;
  });
  afterAll(() => app?.stop());

  describe('rule 1: an invitation always creates a new account', () => {
    it("inviting a known address creates a new person whose link carries only the invitation's role", async () => {
      const res = await api(app.url, 'POST', '/api/conferences/buko-2019-ulm/invitations', {
        token: orgUlm,
        body: { displayName: 'x', role: 'attendee', email: 'betrieb@example.org' },
      });
      expect(res.status).toBe(201);
      expect(res.body.personId).not.toBe(platformId);
      const session = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: secretOf(res.body.link) } });
      expect(session.status).toBe(200);
      const me = await api(app.url, 'GET', '/api/auth/me', { token: session.body.token });
      expect(me.body.person.id).toBe(res.body.personId);
      expect(me.body.roles).toEqual([{ conference: 'buko-2019-ulm', role: 'attendee' }]);
      expect((await api(app.url, 'GET', '/api/livestream/status', { token: session.body.token })).status).toBe(403);
      const owners = await db().query(`SELECT count(*)::int AS n FROM person WHERE email = 'betrieb@example.org'`);
      expect(owners[0].n).toBe(2);
    });

    it('answers a known and an unknown address with the same status and shape', async () => {
      const invite = (email: string) => api(app.url, 'POST', '/api/conferences/buko-2019-ulm/invitations', { token: orgUlm, body: { displayName: 'y', role: 'speaker', email } });
      const known = await invite('betrieb@example.org');
      const unknown = await invite('niemand@example.org');
      expect(known.status).toBe(201);
      expect(unknown.status).toBe(201);
      expect(Object.keys(known.body).sort()).toEqual(['expiresAt', 'invitationId', 'link', 'personId']);
      expect(Object.keys(unknown.body).sort()).toEqual(['expiresAt', 'invitationId', 'link', 'personId']);
    });

    it('the operator CLI path (IdentityService.invite) also creates a new person for a known address', async () => {
      const again = await app.podium.app.get(IdentityService).invite({ displayName: 'Zweit', email: 'betrieb@example.org', role: 'attendee', conferenceId: null });
      expect(again.personId).not.toBe(platformId);
      const roles = await db().query(`SELECT role, conference_id FROM conference_role WHERE person_id = $1`, [platformId]);
      expect(roles).toEqual([{ role: 'organiser', conference_id: null }]);
    });
  });

  describe('rule 6: guest names', () => {
    const guest = (slug: string, displayName: string) => api(app.url, 'POST', `/api/conferences/${slug}/guests`, { body: { displayName } });

    it('refuses (409) the name of a person of the conference, in any case or with invisible characters', async () => {
      for (const name of ['Annette Widmann-Mauz', 'annette widmann-mauz', 'Annette\u200B Widmann-\u2060Mauz', ' Moderation  BuKo ']) {
        const res = await guest('buko-2020', name);
        expect([name, res.status]).toEqual([name, 409]);
        expect(res.body.error.code).toBe('CONFLICT');
        expect(res.body.error.message).toBe('This name belongs to a person of this conference; please add something, e.g. your organisation');
      }
      expect((await guest('buko-2020', 'Annette Widmann-Mauz (Halle)')).status).toBe(201);
    });

    it('refuses (400) a name of only invisible and bidi characters', async () => {
      for (const name of ['\u200B\u200C\u200D', '\u202E\u202D', '\uFEFF\u00AD \u2060']) {
        const res = await guest('buko-2020', name);
        expect([JSON.stringify(name), res.status]).toEqual([JSON.stringify(name), 400]);
      }
    });

    it('stores the name NFC-normalised, without bidi controls, whitespace collapsed', async () => {
      const res = await guest('buko-2020', '  Mu\u0308ller \u202Eaus\u202C   Halle ');
      expect(res.status).toBe(201);
      expect(res.body.person.displayName).toBe('M\u00fcller aus Halle');
      expect(res.body.person.guest).toBe(true);
    });
  });

  describe('rule 7: tokens and sign-in links', () => {
    const sign = (claims: object, options: object) => new JwtService({ secret: app.podium.runtime.jwtSecret }).signAsync({ typ: 'session', ...claims }, { issuer: 'podium', ...options });

    it('refuses a correctly signed token without exp, without iat or without sub', async () => {
      const person = await signIn(app, 'attendee', 'Token Probe', 'buko-2020');
      const good = await sign({ sub: person.personId }, { expiresIn: 600 });
      expect((await api(app.url, 'GET', '/api/auth/me', { token: good })).status).toBe(200);
      const noExp = await sign({ sub: person.personId }, {});
      const noIat = await sign({ sub: person.personId }, { expiresIn: 600, noTimestamp: true });
      const noSub = await sign({}, { expiresIn: 600 });
      for (const [label, token] of Object.entries({ noExp, noIat, noSub })) {
        const res = await api(app.url, 'GET', '/api/auth/me', { token });
        expect([label, res.status, res.body.error.code]).toEqual([label, 401, 'UNAUTHENTICATED']);
      }
      expect((await api(app.url, 'GET', `/api/conferences/buko-2020/bookmarks`, { token: noExp })).status).toBe(401);
    });

    it('shows a dead sign-in link to a browser as a German and English page (401, 410 when expired), JSON to API clients', async () => {
      const invite = () => api(app.url, 'POST', '/api/conferences/buko-2019-ulm/invitations', { token: orgUlm, body: { displayName: 'Link Probe', role: 'attendee' } });
      const expired = await invite();
      await db().query(`UPDATE invitation SET expires_at = now() - interval '1 hour' WHERE id = $1`, [expired.body.invitationId]);
      const withdrawn = await invite();
      await api(app.url, 'DELETE', `/api/conferences/buko-2019-ulm/invitations/${withdrawn.body.invitationId}`, { token: orgUlm });
      const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
      const cases: Array<[string, string, number]> = [
        ['expired', secretOf(expired.body.link), 410],
        ['withdrawn', secretOf(withdrawn.body.link), 401],
        ['unknown', 'c'.repeat(43), 401],
        ['malformed', 'kaputt', 401],
      ];
      for (const [label, secret, status] of cases) {
        const page = await api(app.url, 'GET', `/signin/${secret}`, { headers: html });
        expect([label, page.status]).toEqual([label, status]);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        expect(page.body).toMatch(/neuen Link/);
        expect(page.body).toMatch(/ask the conference organisers for a new link/);
        expect(page.body).not.toMatch(/"error"/);
        const json = await api(app.url, 'GET', `/signin/${secret}`, { headers: { accept: 'application/json' } });
        expect([label, json.status, json.body.error.code]).toEqual([label, 401, 'UNAUTHENTICATED']);
        // A client that did not ask for HTML (fetch sends */*) is not a browser: JSON too.
        const any = await api(app.url, 'GET', `/signin/${secret}`);
        expect([label, any.status, any.body.error?.code]).toEqual([label, 401, 'UNAUTHENTICATED']);
      }
      const page = await api(app.url, 'GET', `/signin/${secretOf(expired.body.link)}`, { headers: html });
      expect(page.body).toMatch(/abgelaufen/);
      expect(page.body).toMatch(/expired/);
    });
  });
});
