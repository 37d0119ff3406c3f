import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ScheduleDocument, ScheduleEvent } from '@podium/programme';
import { api, startTestApp, type TestApp } from '../support/app';
import { REPO_ROOT } from '../support/livekit';
import { signIn } from '../support/people';
import { compileSchema, counts, expectStatus, formatAvailable, itWithFormat, platformOrganiser, readExample, readFixture, readKassel, type Organiser } from './support';

const run = promisify(execFile);
const WINTERCHAOS = 'event "Internal Penetration Testing Basics" (2022-12-28 14:00, guid 7a0fc001-e587-47e1-b378-b6ec7e666337)';

function events(doc: ScheduleDocument): ScheduleEvent[] {
  return doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
}

function sourceEventCount(doc: unknown): number {
  const days = (doc as { schedule: { conference: { days: Array<{ rooms: Record<string, unknown[]> }> } } }).schedule.conference.days;
  return days.reduce((n, d) => n + Object.values(d.rooms).reduce((m, list) => m + list.length, 0), 0);
}

/** What a round trip must keep, per event: time, length, room, people, language, title. */
function essence(e: ScheduleEvent) {
  return {
    date: new Date(e.date).toISOString(),
    duration: e.duration,
    room: e.room,
    title: e.title,
    language: e.language,
    persons: (e.persons ?? []).map((p) => (p as { name?: string; public_name?: string }).name ?? (p as { public_name?: string }).public_name).sort(),
  };
}

describe('programme: schedule.json import and export through the API and the CLI (real PostgreSQL)', () => {
  let app: TestApp;
  let orga: Organiser;
  const schemaErrors = formatAvailable ? compileSchema() : () => [];

  beforeAll(async () => {
    app = await startTestApp('prog_exchange', { livekit: false, seedDemo: false });
    orga = await platformOrganiser(app);
  });
  afterAll(() => app.stop());

  const importDoc = (doc: unknown, slug?: string, token = orga.token, query = '') =>
    api(app.url, 'POST', `/api/conferences/import?${[slug ? `slug=${slug}` : '', query].filter(Boolean).join('&')}`, { token, body: doc });

  // Imports are drafts by default: the organiser reads them back.
  async function exported(slug: string): Promise<ScheduleDocument> {
    const res = await api(app.url, 'GET', `/api/conferences/${slug}/schedule.json`, { token: orga.token });
    expectStatus(res, 200);
    expect(res.headers.get('content-type')).toContain('application/json');
    if (formatAvailable) expect(schemaErrors(res.body)).toEqual([]);
    return res.body;
  }

  async function roundTrip(doc: unknown, slug: string): Promise<void> {
    const first = await importDoc(doc, slug);
    expectStatus(first, 201);
    const skippedEvents = first.body.report.filter((r: { item: string; action: string }) => r.action === 'skipped' && /#\d+$|^event /.test(r.item) && !/person/.test(r.item));
    expect(first.body.counts.sessions + skippedEvents.length).toBe(sourceEventCount(doc));
    const a = await exported(slug);
    expect(events(a)).toHaveLength(first.body.counts.sessions);
    const second = await importDoc(a, `${slug}-again`);
    expectStatus(second, 201);
    expect(second.body.report.filter((r: { action: string }) => r.action === 'skipped')).toEqual([]);
    const b = await exported(`${slug}-again`);
    const byGuid = (doc: ScheduleDocument) => new Map(events(doc).map((e) => [e.guid, essence(e)]));
    expect(byGuid(b)).toEqual(byGuid(a));
    expect(b.schedule.conference.rooms?.map((r) => r.name)).toEqual(a.schedule.conference.rooms?.map((r) => r.name));
  }

  it('imports our Kassel 2018 fixture, exports it schema-valid, and a round trip keeps every session, room, time, person and language', async () => {
    await roundTrip(readKassel(), 'kassel-2018');
    const programme = await api(app.url, 'GET', '/api/conferences/kassel-2018/programme', { token: orga.token });
    expect(programme.body.timezone).toBe('Europe/Berlin');
    expect(programme.body.sessions.length).toBeGreaterThan(5);
  });

  it('imports an unpublished draft by default; ?publish=true opts in to a public programme, anything else is refused', async () => {
    const draft = await importDoc(readKassel(), 'kassel-draft');
    expectStatus(draft, 201);
    expect(draft.body.conference.published).toBe(false);
    expectStatus(await api(app.url, 'GET', '/api/conferences/kassel-draft/programme'), 404);
    expectStatus(await api(app.url, 'GET', '/api/conferences/kassel-draft/schedule.json'), 404);
    expectStatus(await api(app.url, 'GET', '/api/conferences/kassel-draft/programme', { token: orga.token }), 200);
    const listed = await api(app.url, 'GET', '/api/conferences');
    expect(listed.body.map((c: { slug: string }) => c.slug)).not.toContain('kassel-draft');

    const explicitDraft = await importDoc(readKassel(), 'kassel-draft-2', orga.token, 'publish=false');
    expectStatus(explicitDraft, 201);
    expect(explicitDraft.body.conference.published).toBe(false);

    const live = await importDoc(readKassel(), 'kassel-public', orga.token, 'publish=true');
    expectStatus(live, 201);
    expect(live.body.conference.published).toBe(true);
    expectStatus(await api(app.url, 'GET', '/api/conferences/kassel-public/programme'), 200);

    const before = await counts(app);
    const bad = await importDoc(readKassel(), 'kassel-yes', orga.token, 'publish=yes');
    expectStatus(bad, 400);
    expect(bad.body.error.details).toMatchObject({ field: 'publish' });
    expect(await counts(app)).toEqual(before);
  });

  it.each([
    ['frab-merged-speakers.schedule.json', 'fx-merged'],
    ['repeats-and-ids.schedule.json', 'fx-repeats'],
    ['dst-gap.schedule.json', 'fx-dst-gap'],
    ['pretalx-utc.schedule.json', 'fx-pretalx'],
    ['broken-export.schedule.json', 'fx-broken'],
  ])('imports our hand-written fixture %s and round-trips it', async (name, slug) => {
    await roundTrip(readFixture(name), slug);
  });

  itWithFormat('imports the real pretalx export (DemoCon) and round-trips it', async () => {
    await roundTrip(readExample('pretalx-democon.json'), 'democon');
  });

  itWithFormat('imports the large real frab export (Camp 2019, many rooms) and round-trips it', async () => {
    await roundTrip(readExample('frab-camp2019.json'), 'camp2019');
  });

  itWithFormat('imports the invalid real export, reporting per item what it repaired or dropped', async () => {
    const res = await importDoc(readExample('invalid-example.json'), 'winterchaos');
    expectStatus(res, 201);
    expect(res.body.slug).toBe('winterchaos');
    expect(res.body.report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ item: WINTERCHAOS, action: 'repaired', message: expect.stringContaining('text') }),
        expect.objectContaining({ item: expect.stringContaining('person 1'), action: 'repaired', message: expect.stringContaining('public_name') }),
        expect.objectContaining({ item: WINTERCHAOS, action: 'ignored', message: expect.stringContaining('answers') }),
      ]),
    );
    await exported('winterchaos');
  });

  it('takes the slug from the file when none is given, and refuses a slug that is taken (409) or malformed (400)', async () => {
    const doc = readKassel() as { schedule: { conference: { acronym: string } } };
    const res = await importDoc(doc);
    expectStatus(res, 201);
    expect(res.body.slug).toMatch(/^[a-z0-9-]+$/);
    expectStatus(await importDoc(doc, res.body.slug), 409);
    const bad = await importDoc(doc, 'Not_A_Slug');
    expectStatus(bad, 400);
    expect(bad.body.error.message).toMatch(/^slug:/);
  });

  it('refuses what is not a schedule whole, with a clear message, and writes nothing', async () => {
    const before = await counts(app);
    const notSchedule = await importDoc({ hello: 'world' });
    expectStatus(notSchedule, 400);
    expect(notSchedule.body.error.message).toBe('not a schedule.json: the "schedule" member is missing or not an object');
    const noDays = await importDoc({ schedule: { conference: { title: 'x' } } });
    expectStatus(noDays, 400);
    expect(noDays.body.error.message).toMatch(/^not a schedule\.json: "schedule\.conference\.days"/);
    const notJson = await api(app.url, 'POST', '/api/conferences/import', { token: orga.token, body: '{"schedule": {', headers: { 'content-type': 'application/json' } });
    expectStatus(notJson, 400);
    expect(notJson.body.error.code).toBe('VALIDATION');
    const junk = await api(app.url, 'POST', '/api/conferences/import', { token: orga.token, body: JSON.stringify({ schedule: { junk: 'x'.repeat(10 * 1024 * 1024) } }) });
    expectStatus(junk, 413);
    // A failure in the last statement of the write (a trigger refusing session_person rows) takes the whole import back.
    const db = app.podium.dataSource;
    await db.query(`CREATE FUNCTION refuse_row() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql`);
    await db.query('CREATE TRIGGER refuse_speakers BEFORE INSERT ON session_person FOR EACH ROW EXECUTE FUNCTION refuse_row()');
    try {
      const half = await importDoc(readKassel(), 'half-import');
      expectStatus(half, 500);
    } finally {
      await db.query('DROP TRIGGER refuse_speakers ON session_person');
      await db.query('DROP FUNCTION refuse_row()');
    }
    expect(await counts(app)).toEqual(before);
  });

  it('lets only platform organisers import (403 for a conference organiser, 401 anonymous)', async () => {
    const local = await signIn(app, 'organiser', 'Orga Kassel', 'kassel-2018');
    expectStatus(await importDoc(readKassel(), 'nope', local.token), 403);
    expectStatus(await api(app.url, 'POST', '/api/conferences/import', { body: readKassel() }), 401);
  });

  it('runs `podium import <file>` as a process: prints the report and, last, the slug; `podium export <slug>` prints valid schedule.json', async () => {
    const main = join(REPO_ROOT, 'dist/apps/api/src/cli/main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build:api" first`);
    const dir = mkdtempSync(join(tmpdir(), 'podium-import-'));
    try {
      const file = join(dir, 'kassel.json');
      writeFileSync(file, JSON.stringify(readKassel()));
      const env = { ...process.env, DATABASE_URL: app.database.url, PODIUM_DATA_DIR: dir, LOG_LEVEL: 'warn', JWT_SECRET: 'x'.repeat(40) };
      const imported = await run(process.execPath, [main, 'import', file, '--slug', 'kassel-cli'], { env, cwd: REPO_ROOT });
      const lines = imported.stdout.trim().split('\n');
      expect(lines.at(-1)).toBe('kassel-cli');
      expect(imported.stdout).toMatch(/sessions/);
      const cliExport = await run(process.execPath, [main, 'export', 'kassel-cli'], { env, cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
      const doc = JSON.parse(cliExport.stdout);
      if (formatAvailable) expect(schemaErrors(doc)).toEqual([]);
      expect(events(doc).length).toBe(events(await exported('kassel-cli')).length);
      writeFileSync(join(dir, 'notes.txt'), 'Programm: Begrüßung um 10 Uhr');
      const refused = await run(process.execPath, [main, 'import', join(dir, 'notes.txt')], { env, cwd: REPO_ROOT }).catch((e) => e);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/not a schedule\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('one reading for HTTP and the CLI (issue 17)', () => {
    const main = join(REPO_ROOT, 'dist/apps/api/src/cli/main.js');
    let dir: string;
    let env: NodeJS.ProcessEnv;
    beforeAll(() => {
      if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build:api" first`);
      dir = mkdtempSync(join(tmpdir(), 'podium-reading-'));
      env = { ...process.env, DATABASE_URL: app.database.url, PODIUM_DATA_DIR: dir, LOG_LEVEL: 'warn', JWT_SECRET: 'x'.repeat(40) };
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** `podium import` on a file with this text: the exit code, the report lines (without the summary and slug) or the error. */
    async function cliImport(text: string, slug: string): Promise<{ code: number; lines: string[]; stderr: string }> {
      const file = join(dir, `${slug}.json`);
      writeFileSync(file, text);
      const out = await run(process.execPath, [main, 'import', file, '--slug', slug], { env, cwd: REPO_ROOT }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
      );
      return { code: out.code, lines: out.stdout.trim().split('\n').slice(0, -2).filter(Boolean), stderr: out.stderr };
    }
    const lines = (report: Array<{ action: string; item: string; message: string }>) => report.map((r) => `${r.action.padEnd(8)} ${r.item}: ${r.message}`);

    it('drops an unknown top-level member with the same report entry on both', async () => {
      const doc = { ...(readKassel() as object), comment: 'von Hand' };
      const http = await importDoc(doc, 'reading-extra-http');
      expectStatus(http, 201);
      expect(http.body.report).toEqual([
        { code: 'TOP_LEVEL_DROPPED', params: { members: 'comment' }, subject: { kind: 'schedule' }, item: 'schedule', action: 'ignored', message: 'top-level members not in the format dropped: comment' },
      ]);
      const cli = await cliImport(JSON.stringify(doc), 'reading-extra-cli');
      expect(cli.code).toBe(0);
      expect(cli.lines).toEqual(['ignored  schedule: top-level members not in the format dropped: comment']);
    });

    it('takes a UTF-8 byte order mark on both', async () => {
      const text = `\uFEFF${JSON.stringify(readKassel())}`;
      const http = await api(app.url, 'POST', '/api/conferences/import?slug=reading-bom-http', { token: orga.token, body: text });
      expectStatus(http, 201);
      expect(http.body.report).toEqual([]);
      const cli = await cliImport(text, 'reading-bom-cli');
      expect(cli.code).toBe(0);
      expect(cli.lines).toEqual([]);
    });

    it('refuses JSON that is not a schedule, and a schedule 2 file, with the same message on both', async () => {
      const cases: Array<[unknown, string]> = [
        [{ hello: 'world' }, 'not a schedule.json: the "schedule" member is missing or not an object'],
        [
          readFixture('schedule-2.schedule.json'),
          'not a schedule.json Podium reads: this is "schedule 2" (version "2.0", events under "schedule.events"); Podium imports version 1, with events under "schedule.conference.days[].rooms"',
        ],
      ];
      for (const [doc, message] of cases) {
        const http = await importDoc(doc, 'reading-refused');
        expectStatus(http, 400);
        expect(http.body.error.message).toBe(message);
        const cli = await cliImport(JSON.stringify(doc), 'reading-refused');
        expect(cli.code).toBe(1);
        expect(cli.stderr).toContain(message);
      }
    });

    it('repairs an id past PostgreSQL integer on both instead of failing (no 500, no raw 22003)', async () => {
      const message = 'id 3000000000 is larger than 2147483647, the largest Podium keeps; a new one is assigned on export';
      const item = 'event "Große Zahlen" (2026-06-12 12:00, guid bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb)';
      const http = await importDoc(readFixture('repeats-and-ids.schedule.json'), 'big-ids-http');
      expectStatus(http, 201);
      expect(http.body.counts.sessions).toBe(3);
      expect(http.body.report).toContainEqual(expect.objectContaining({ code: 'ID_TOO_LARGE', params: { id: '3000000000', max: 2147483647 }, item, action: 'repaired', message }));
      const ids = events(await exported('big-ids-http')).map((e) => e.id);
      expect(ids.every((id) => Number.isInteger(id) && id >= 1 && id <= 2147483647)).toBe(true);
      const cli = await cliImport(JSON.stringify(readFixture('repeats-and-ids.schedule.json')), 'big-ids-cli');
      expect(cli.code).toBe(0);
      expect(cli.lines).toContain(`repaired ${item}: ${message}`);
    });
  });

  it('changes schedule.version and the ETag with a change of the programme, and not without one', async () => {
    expectStatus(await importDoc(readKassel(), 'versioned', orga.token, 'publish=true'), 201);
    const first = await api(app.url, 'GET', '/api/conferences/versioned/schedule.json');
    const again = await api(app.url, 'GET', '/api/conferences/versioned/schedule.json');
    expectStatus(first, 200);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.body.schedule.version).toBe(first.body.schedule.version);
    expect(first.body.schedule.version).toMatch(/^[0-9a-f]{12}$/);

    const sessions = await api(app.url, 'GET', '/api/conferences/versioned/sessions');
    const begruessung = (sessions.body as Array<{ id: string; title: string }>).find((x) => x.title === 'Begrüßung');
    expectStatus(await api(app.url, 'PATCH', `/api/sessions/${begruessung?.id}`, { token: orga.token, body: { title: 'Begrüßung und Grußworte' } }), 200);
    const changed = await api(app.url, 'GET', '/api/conferences/versioned/schedule.json');
    expect(changed.body.schedule.version).not.toBe(first.body.schedule.version);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});
