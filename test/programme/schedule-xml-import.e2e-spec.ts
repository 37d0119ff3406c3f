/**
 * schedule.xml import over HTTP and the CLI (one importer, one report), days past midnight kept
 * through storage, the programme and both exports, session links, and `podium export --format xml`.
 * Real PostgreSQL; XML checked by xmllint against the published XSD. Expected values by hand.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ScheduleDocument, ScheduleEvent } from '@podium/programme';
import { xsdErrors } from '../../libs/programme/src/testing/xml-schema';
import { api, startTestApp, type TestApp } from '../support/app';
import { REPO_ROOT } from '../support/livekit';
import { expectStatus, KASSEL_FIXTURE, platformOrganiser, readKassel, type Organiser } from './support';

const run = promisify(execFile);
const NIGHT_XML = readFileSync(join(KASSEL_FIXTURE, '..', 'frab-night.schedule.xml'), 'utf8');
const NIGHT_REPORT = [
  {
    code: 'NIGHT_EVENTS',
    params: { count: 2, until: '04:00' },
    subject: { kind: 'conference' },
    item: 'conference',
    action: 'repaired',
    message: "2 event(s) after midnight belong to the day before (the source's days run until 04:00); kept on their day",
  },
  {
    code: 'NOT_KEPT',
    params: { links: 1, recording_license: 1 },
    subject: { kind: 'schedule' },
    item: 'schedule',
    action: 'ignored',
    message: 'not kept by Podium: links (1 event), recording_license (1 event)',
  },
];

const events = (doc: ScheduleDocument): ScheduleEvent[] => doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());

describe('programme: schedule.xml import, days past midnight and session links (real PostgreSQL)', () => {
  let app: TestApp;
  let orga: Organiser;
  const main = join(REPO_ROOT, 'dist/apps/api/src/cli/main.js');
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build:api" first`);
    app = await startTestApp('prog_xml_import', { livekit: false, seedDemo: false });
    orga = await platformOrganiser(app);
    dir = mkdtempSync(join(tmpdir(), 'podium-xml-'));
    env = { ...process.env, DATABASE_URL: app.database.url, PODIUM_DATA_DIR: dir, LOG_LEVEL: 'warn', JWT_SECRET: 'x'.repeat(40) };
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.stop();
  });

  // Published at once (the opt-in), so the reads below are anybody's.
  const importXml = (xml: string, slug: string, type = 'application/xml') =>
    api(app.url, 'POST', `/api/conferences/import?slug=${slug}&publish=true`, { token: orga.token, body: xml, headers: { 'content-type': type } });

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return run(process.execPath, [main, ...args], { env, cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
    );
  }

  it('imports a frab schedule.xml over HTTP: report, counts, and night sessions on the day they are listed under', async () => {
    const res = await importXml(NIGHT_XML, 'nacht-http');
    expectStatus(res, 201);
    expect(res.body.report).toEqual(NIGHT_REPORT);
    expect(res.body.counts).toEqual({ sessions: 3, rooms: 2, tracks: 1, people: 2 });
    expect(res.body.conference).toMatchObject({ startDate: '2019-08-21', endDate: '2019-08-22', dayChange: '04:00', days: ['2019-08-21', '2019-08-22'] });

    const programme = await api(app.url, 'GET', '/api/conferences/nacht-http/programme');
    expectStatus(programme, 200);
    const titles = (programme.body.days as Array<{ date: string; rooms: Array<{ sessions: Array<{ title: string }> }> }>).map((d) => [d.date, d.rooms.flatMap((r) => r.sessions.map((s) => s.title))]);
    expect(titles).toEqual([
      ['2019-08-21', ['Opening & Welcome', 'Night Concert']],
      ['2019-08-22', ['Last Dance']],
    ]);
    const opening = (programme.body.sessions as Array<{ title: string; recordingUrl: string | null; feedbackUrl: string | null }>).find((s) => s.title === 'Opening & Welcome');
    expect([opening?.recordingUrl, opening?.feedbackUrl]).toEqual(['https://media.example/v/nacht19-101', 'https://frab.example/en/nacht19/public/events/101/feedback/new']);
  });

  it('exports the two days again in schedule.json and in schedule.xml (valid against the XSD), with recording and feedback links', async () => {
    const json = await api(app.url, 'GET', '/api/conferences/nacht-http/schedule.json');
    expectStatus(json, 200);
    const doc = json.body as ScheduleDocument;
    expect(doc.schedule.conference.days.map((d) => [d.date, d.day_start, d.day_end, Object.values(d.rooms).flat().map((e) => e.title)])).toEqual([
      ['2019-08-21', '2019-08-21T04:00:00+02:00', '2019-08-22T04:00:00+02:00', ['Opening & Welcome', 'Night Concert']],
      ['2019-08-22', '2019-08-22T04:00:00+02:00', '2019-08-23T04:00:00+02:00', ['Last Dance']],
    ]);
    const opening = events(doc).find((e) => e.title === 'Opening & Welcome');
    expect(opening?.feedback_url).toBe('https://frab.example/en/nacht19/public/events/101/feedback/new');
    expect(opening?.links).toContainEqual({ url: 'https://media.example/v/nacht19-101', title: 'Recording', type: 'media' });

    const xml = await api(app.url, 'GET', '/api/conferences/nacht-http/schedule.xml');
    expectStatus(xml, 200);
    expect(xsdErrors(xml.body)).toBe('');
    expect((xml.body as string).match(/<day /g)).toHaveLength(2);
    expect(xml.body).toContain('<url>https://media.example/v/nacht19-101</url>');
    expect(xml.body).toContain('<feedback_url>https://frab.example/en/nacht19/public/events/101/feedback/new</feedback_url>');
  });

  it('tells the format by the first character where the content type does not say (text/plain, curl\'s default form type)', async () => {
    const plain = await importXml(NIGHT_XML, 'nacht-plain', 'text/plain');
    expectStatus(plain, 201);
    expect(plain.body.report).toEqual(NIGHT_REPORT);
    const form = await importXml(JSON.stringify(readKassel()), 'kassel-form', 'application/x-www-form-urlencoded');
    expectStatus(form, 201);
    expect(form.body.report).toEqual([]);
    const notes = await importXml('Programm: Begrüßung um 10 Uhr', 'notes', 'text/plain');
    expectStatus(notes, 400);
    expect(notes.body.error.message).toMatch(/^not a schedule\.json: the text is not JSON/);
  });

  it('imports the same file through the CLI with the same report', async () => {
    const file = join(dir, 'nacht.xml');
    writeFileSync(file, NIGHT_XML);
    const out = await cli(['import', file, '--slug', 'nacht-cli']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines.slice(0, -2)).toEqual(NIGHT_REPORT.map((r) => `${r.action.padEnd(8)} ${r.item}: ${r.message}`));
    expect(lines.slice(-2)).toEqual(['imported 3 sessions, 2 rooms, 1 tracks, 2 people (2 report entries)', 'nacht-cli']);
  });

  it('refuses what is not a schedule.xml with the same message over HTTP and the CLI', async () => {
    const cases: Array<[string, string]> = [
      ['<html><body>Programm</body></html>', 'not a schedule.xml: the root element is <html>, not <schedule>'],
      ['<schedule><conference></schedule>', "not a schedule.xml: the text is not well-formed XML (line 1, column 23: Expected closing tag 'conference' (opened in line 1, col 11) instead of closing tag 'schedule'.)"],
      ['<!DOCTYPE s [<!ENTITY a "aaaaaaaa">]><schedule>&a;</schedule>', 'not a schedule.xml: it declares entities (<!ENTITY), which Podium does not read'],
    ];
    for (const [text, message] of cases) {
      const http = await importXml(text, 'refused-xml', 'text/xml');
      expectStatus(http, 400);
      expect(http.body.error).toMatchObject({ code: 'VALIDATION', message });
      const file = join(dir, 'refused.xml');
      writeFileSync(file, text);
      const out = await cli(['import', file, '--slug', 'refused-xml']);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain(message);
    }
    expect((await api(app.url, 'GET', '/api/conferences/refused-xml')).status).toBe(404);
  });

  it('round trip over HTTP: our schedule.xml of Kassel 2018 imports to the same sessions, times, rooms and people', async () => {
    expectStatus(await api(app.url, 'POST', '/api/conferences/import?slug=kassel-json&publish=true', { token: orga.token, body: readKassel() }), 201);
    const xml = await api(app.url, 'GET', '/api/conferences/kassel-json/schedule.xml');
    expectStatus(xml, 200);
    const back = await importXml(xml.body, 'kassel-xml');
    expectStatus(back, 201);
    const essence = async (slug: string) => {
      const doc = (await api(app.url, 'GET', `/api/conferences/${slug}/schedule.json`)).body as ScheduleDocument;
      return events(doc).map((e) => [e.guid, e.id, e.date, e.duration, e.room, e.title, e.type, e.language, e.track, e.do_not_record, e.persons.map((p) => p.name)]);
    };
    expect(await essence('kassel-xml')).toEqual(await essence('kassel-json'));
  });

  it('`podium export --format xml` prints schedule.xml valid against the XSD; json stays the default; other formats are refused', async () => {
    const xml = await cli(['export', 'nacht-cli', '--format', 'xml']);
    expect(xml.code).toBe(0);
    expect(xml.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<schedule>')).toBe(true);
    expect(xsdErrors(xml.stdout)).toBe('');
    expect(xml.stdout.match(/<event /g)).toHaveLength(3);
    const json = await cli(['export', 'nacht-cli']);
    expect(json.code).toBe(0);
    expect(events(JSON.parse(json.stdout)).map((e) => e.title)).toEqual(['Opening & Welcome', 'Night Concert', 'Last Dance']);
    const yaml = await cli(['export', 'nacht-cli', '--format', 'yaml']);
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toContain('--format must be json or xml, not "yaml"');
  });

  it('lets an organiser set and clear recording and feedback URLs, refusing what is no http(s) URL', async () => {
    const sessions = (await api(app.url, 'GET', '/api/conferences/nacht-http/sessions')).body as Array<{ id: string; title: string }>;
    const last = sessions.find((s) => s.title === 'Last Dance') as { id: string };
    const set = await api(app.url, 'PATCH', `/api/sessions/${last.id}`, { token: orga.token, body: { recordingUrl: 'https://media.example/v/202', feedbackUrl: 'https://podium.example/f/202' } });
    expectStatus(set, 200);
    expect([set.body.recordingUrl, set.body.feedbackUrl]).toEqual(['https://media.example/v/202', 'https://podium.example/f/202']);
    const doc = (await api(app.url, 'GET', '/api/conferences/nacht-http/schedule.json')).body as ScheduleDocument;
    const dance = events(doc).find((e) => e.title === 'Last Dance');
    expect([dance?.feedback_url, dance?.links.filter((l) => l.title === 'Recording')]).toEqual(['https://podium.example/f/202', [{ url: 'https://media.example/v/202', title: 'Recording', type: 'media' }]]);

    const bad = await api(app.url, 'PATCH', `/api/sessions/${last.id}`, { token: orga.token, body: { recordingUrl: 'javascript:alert(1)' } });
    expectStatus(bad, 400);
    expect(bad.body.error.message).toContain('recordingUrl');
    const cleared = await api(app.url, 'PATCH', `/api/sessions/${last.id}`, { token: orga.token, body: { recordingUrl: null, feedbackUrl: null } });
    expectStatus(cleared, 200);
    expect([cleared.body.recordingUrl, cleared.body.feedbackUrl]).toEqual([null, null]);
  });

  it('lets an organiser set a conference day change: the days regroup; a time after noon is refused', async () => {
    expectStatus(await api(app.url, 'PATCH', '/api/conferences/nacht-http', { token: orga.token, body: { dayChange: null } }), 200);
    const dates = async () => ((await api(app.url, 'GET', '/api/conferences/nacht-http/programme')).body.days as Array<{ date: string; rooms: Array<{ sessions: unknown[] }> }>).map((d) => [d.date, d.rooms.flatMap((r) => r.sessions).length]);
    expect(await dates()).toEqual([
      ['2019-08-21', 1],
      ['2019-08-22', 1],
      ['2019-08-23', 1],
    ]);
    const set = await api(app.url, 'PATCH', '/api/conferences/nacht-http', { token: orga.token, body: { dayChange: '04:00' } });
    expectStatus(set, 200);
    expect(set.body.dayChange).toBe('04:00');
    expect(await dates()).toEqual([
      ['2019-08-21', 2],
      ['2019-08-22', 1],
    ]);
    const bad = await api(app.url, 'PATCH', '/api/conferences/nacht-http', { token: orga.token, body: { dayChange: '13:00' } });
    expectStatus(bad, 400);
    expect(JSON.stringify(bad.body.error)).toContain('dayChange');
  });
});
