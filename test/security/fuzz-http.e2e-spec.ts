// 2,000 hostile HTTP requests to every route read from the app: each gets a 4xx error body, the server and the data stay intact.
import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { api, startTestApp, type TestApp } from '../support/app';
import { bodyParams } from './support/bodies';
import { fillPath } from './support/matrix';
import { httpRoutes, type HttpRoute } from './support/routes';
import { dumpTables, isErrorBody } from './support/state';
import { createWorld, type World } from './support/world';

const REQUESTS = 2000;
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

/** A body no DTO may accept: an object with a stray or prototype key, wrong top-level JSON, or no JSON at all. */
const hostileBody = fc.oneof(
  fc.tuple(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }), fc.constantFrom(...PROTO_KEYS, 'zzStray'), fc.jsonValue({ maxDepth: 2 })).map(
    ([obj, key, value]) => ({ text: `{${[...Object.entries(obj).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`), `${JSON.stringify(key)}:${JSON.stringify(value ?? null)}`].join(',')}}`, type: 'application/json' }),
  ),
  fc.jsonValue({ maxDepth: 2 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => ({ text: JSON.stringify(v), type: 'application/json' })),
  fc.string({ maxLength: 200 }).map((text) => ({ text: `{${text}`, type: 'application/json' })),
  fc.string({ maxLength: 200 }).map((text) => ({ text, type: 'text/plain' })),
  fc.integer({ min: 0, max: 5 }).map((n) => ({ text: JSON.stringify({ displayName: 'x'.repeat(100 + n * 5000), topic: 1, room: ['stage'], locked: 'yes', zz: n }), type: 'application/json' })),
);
const hostileSegment = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('..', '%00', '00000000-0000-0000-0000-000000000000', "' OR 1=1 --", '\u0000', 'x'.repeat(2000)));

describe('HTTP fuzz over every enumerated route', () => {
  let app: TestApp;
  let world: World;
  let routes: HttpRoute[];
  let withBody: Set<string>;
  /** Routes whose DTO has no required field: a non-JSON body is simply no body there. */
  let optionalBody: Set<string>;

  beforeAll(async () => {
    app = await startTestApp('sec-fuzz-http', { livekit: false, env: { RATE_LIMIT_FACTOR: '0' } });
    world = await createWorld(app);
    routes = httpRoutes(app);
    withBody = new Set(bodyParams(app).keys());
    optionalBody = new Set([...bodyParams(app).values()].filter((p) => validateSync(plainToInstance(p.type as new () => object, {})).length === 0).map((p) => p.handler));
  });
  afterAll(() => app?.stop());

  it('answers each with a clear 4xx error (bodies) or no 5xx (paths), stays up and changes nothing', async () => {
    // First reads create lazily made rows (e.g. a fishbowl's log row); do them before the snapshot.
    for (const r of routes.filter((r) => r.method === 'GET')) await api(app.url, 'GET', fillPath(r, world), { token: world.tokens.platform });
    const before = await dumpTables(app.podium.dataSource);
    const bodyRoutes = routes.filter((r) => withBody.has(r.handler));
    const cases = fc.sample(
      fc.oneof(
        // A non-JSON body is no body: hostile only where the DTO has required fields (elsewhere it is a valid empty request).
        fc
          .record({ kind: fc.constant('body' as const), route: fc.constantFrom(...bodyRoutes), body: hostileBody, persona: fc.constantFrom('platform', 'moderator', 'guest') })
          .filter((c) => c.body.type === 'application/json' || !optionalBody.has(c.route.handler)),
        fc.record({ kind: fc.constant('path' as const), route: fc.constantFrom(...routes.filter((r) => /:/.test(r.path))), segment: hostileSegment, persona: fc.constantFrom('platform', 'anonymous') }),
        fc.record({ kind: fc.constant('token' as const), route: fc.constantFrom(...routes), token: fc.string({ minLength: 1, maxLength: 300 }).filter((t) => /^\S+$/.test(t)) }),
      ),
      { numRuns: REQUESTS, seed: 20201126 },
    );
    const wrong: string[] = [];
    const started = Date.now();
    for (let i = 0; i < cases.length; i += 25) {
      await Promise.all(cases.slice(i, i + 25).map(async (c) => {
        const res = await send(c);
        const bad = c.kind === 'body' ? !(res.status >= 400 && res.status < 500 && isErrorBody(res.body)) : c.kind === 'token' ? res.status !== 401 : res.status >= 500;
        const shapeless = res.status >= 400 && !isErrorBody(res.body);
        // A forged token is refused even on public routes: the guard checks any token it is given.
        if (bad || shapeless) wrong.push(`${c.kind} ${c.route.method} ${c.route.path} ${JSON.stringify("body" in c ? c.body : "segment" in c ? c.segment : "").slice(0, 80)}: ${res.status} ${JSON.stringify(res.body).slice(0, 140)}`);
      }));
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
    expect(await dumpTables(app.podium.dataSource)).toEqual(before);
  });

  async function send(c: { kind: 'body' | 'path' | 'token'; route: HttpRoute; body?: { text: string; type: string }; segment?: string; persona?: string; token?: string }) {
    let path = fillPath(c.route, world);
    if (c.kind === 'path') path = c.route.path.replace(/:[A-Za-z0-9_]+/g, () => encodeURIComponent(c.segment!)) || '/';
    const token = c.kind === 'token' ? c.token : world.tokens[c.persona as 'platform'];
    const hasBody = c.kind === 'body' && c.route.method !== 'GET';
    return api(app.url, c.route.method, path, { token, body: hasBody ? c.body!.text : undefined, headers: hasBody ? { 'content-type': c.body!.type } : {} });
  }
});
