// Every HTTP route of the running app x every persona, against the hand-written table in support/expected-access.ts.
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { api, startTestApp, type TestApp } from '../support/app';
import { testLiveKit } from '../support/services';
import { createCast, type Cast } from './support/cast';
import { HTTP_EXPECTATIONS, PERSONAS, type Outcome, type Persona } from './support/expected-access';
import { HTTP_CALLS, type Answer, type Call } from './support/http-calls';
import { httpRoutes } from './support/routes';
import { dumpTables } from './support/state';

interface Check {
  key: string;
  method: string;
  persona: Persona;
  outcome: Outcome;
}

const baseOf = (key: string) => key.split('#')[0];
const allowed = (o: Outcome): o is { allowed: number } => typeof o === 'object';
const STATUS: Record<Exclude<Outcome, { allowed: number }>, number> = { forbidden: 403, unauthenticated: 401, 'not-found': 404 };

describe('access matrix: every route x every persona, expectations written by hand', () => {
  let app: TestApp;
  let cast: Cast;
  let appRoutes: string[];
  const texts: string[] = [];

  beforeAll(async () => {
    // Rate limits are tested on their own; here they would only turn answers into 429.
    app = await startTestApp('sec-matrix', { env: { RATE_LIMIT_FACTOR: '0' } });
    cast = await createCast(app);
    appRoutes = httpRoutes(app).map((r) => `${r.method} ${r.path}`);
  });
  afterAll(() => app?.stop());

  it('has a row for every route of the app, no row for a route that is gone, and a way to call each row', () => {
    expect(appRoutes.length).toBeGreaterThan(50);
    const rows = Object.keys(HTTP_EXPECTATIONS);
    expect(appRoutes.filter((r) => !rows.includes(r))).toEqual([]);
    expect([...new Set(rows.map(baseOf))].filter((r) => !appRoutes.includes(r))).toEqual([]);
    expect(rows.filter((r) => !HTTP_CALLS[r])).toEqual([]);
    expect(Object.keys(HTTP_CALLS).filter((r) => !rows.includes(r))).toEqual([]);
    for (const r of rows) expect(Object.keys(HTTP_EXPECTATIONS[r]).sort()).toEqual([...PERSONAS].sort());
  });

  it('answers every persona as the table says; refusals change nothing, allowed calls have their effect', async () => {
    const checks: Check[] = Object.entries(HTTP_EXPECTATIONS).flatMap(([key, row]) => PERSONAS.map((persona) => ({ key, method: key.split(' ')[0], persona, outcome: row[persona] })));
    const denied = checks.filter((c) => !allowed(c.outcome));
    // Deletes run last, so what they remove is not needed by a later check.
    const granted = checks.filter((c) => allowed(c.outcome));
    expect(denied.length).toBeGreaterThan(300);
    expect(granted.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    let n = 0;

    // Refusals change nothing, so one prepared target per row serves every refused persona.
    const targets = new Map<string, Call>();
    const prepared: Array<{ check: Check; call: Call }> = [];
    for (const check of denied) {
      if (!targets.has(check.key)) targets.set(check.key, await HTTP_CALLS[check.key](cast, check.persona, n++));
      prepared.push({ check, call: targets.get(check.key)! });
    }
    const before = await dumpTables(app.podium.dataSource);
    await pool(prepared, 4, async ({ check, call }) => {
      const answer = await send(check, call);
      const expected = STATUS[check.outcome as keyof typeof STATUS];
      if (answer.status !== expected) wrong.push(`${check.persona} ${check.key}: expected ${check.outcome} (${expected}), got ${answer.status} ${answer.text.slice(0, 160)}`);
    });
    const after = await dumpTables(app.podium.dataSource);
    for (const table of Object.keys(after).filter((t) => after[t] !== before[t])) wrong.push(`refused calls changed table ${table}`);

    // Rows run side by side, each row's personas one after the other (a row's writes must not race each other).
    const run = async (checks: Check[]) =>
      pool(groupBy(checks, (c) => c.key), 4, async (row) => {
        for (const check of row) {
          const call = await HTTP_CALLS[check.key](cast, check.persona, n++);
          const answer = await send(check, call);
          const status = (check.outcome as { allowed: number }).allowed;
          if (answer.status !== status) wrong.push(`${check.persona} ${check.key}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 160)}`);
          else {
            const missing = await call.verify?.(answer);
            if (missing) wrong.push(`${check.persona} ${check.key}: ${status} but ${missing}`);
          }
        }
      });
    await run(granted.filter((c) => c.method !== 'DELETE'));
    await run(granted.filter((c) => c.method === 'DELETE'));
    expect(wrong).toEqual([]);
    // About 1500 real calls: 40 s on a quiet machine, near 60 s on a shared one (not a timed assertion, a budget).
  }, 180_000);

  it("an invited person's link signs in only that person, and stops working once withdrawn", async () => {
    const identity = app.podium.app.get(IdentityService);
    const invitation = await identity.invite({ displayName: 'Einmal eingeladen', role: 'attendee', conferenceId: cast.conferenceId });
    const secret = invitation.link.split('/signin/')[1];
    const first = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: secret } });
    expect(first.status).toBe(200);
    expect(first.body.person.id).toBe(invitation.personId);
    await identity.revokeInvitation(invitation.invitationId, null);
    expect((await api(app.url, 'POST', '/api/auth/redeem', { body: { token: secret } })).status).toBe(401);
    expect((await api(app.url, 'GET', '/api/auth/me', { token: first.body.token })).status).toBe(401);
  });

  it('never sends the LiveKit API secret or the JWT secret to a client (matrix answers, OpenAPI, health)', async () => {
    expect(texts.length).toBeGreaterThan(0);
    for (const path of ['/api/docs/openapi.json', '/health', '/api/docs']) texts.push(await (await fetch(app.url + path)).text());
    const secrets = [testLiveKit().apiSecret, app.podium.runtime.jwtSecret];
    expect(texts.filter((t) => secrets.some((s) => t.includes(s)))).toEqual([]);
  });

  async function send(check: Check, call: Call): Promise<Answer> {
    const token = call.noToken ? undefined : cast.tokens[check.persona];
    const res = await fetch(app.url + call.path, {
      method: check.method,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...call.headers },
      body: call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body),
    });
    const text = await res.text();
    texts.push(text);
    const type = res.headers.get('content-type') ?? '';
    let body: unknown = text;
    if (type.includes('json')) body = text ? JSON.parse(text) : null;
    return { status: res.status, body, text, type };
  }
});

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

/** Runs `work` over `items`, at most `width` at a time. */
async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
