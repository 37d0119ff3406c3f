import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ScheduleDocument } from '@podium/programme';
import { api, startTestApp, type TestApp } from '../support/app';
import { expectStatus, platformOrganiser, SCHEDULE_FORMAT_DIR, type Organiser } from './support';

const run = promisify(execFile);
const XSD = join(SCHEDULE_FORMAT_DIR, 'schedule.xml.xsd');
const DEMO_SLUGS = ['buko-2020', 'buko-2018-kassel', 'buko-2019-ulm'];
const FIELDS = ['@guid', '@id', 'title', 'date', 'start', 'duration', 'room'] as const;

/** Runs xmllint on a document; a missing xmllint or XSD fails the test with how to get it, never skips. */
async function xmllint(xml: string, args: string[], stdin?: string): Promise<{ code: number; out: string }> {
  if (!existsSync(XSD)) throw new Error(`${XSD} is missing: get validator/xsd/schedule.xml.xsd from the public repository voc/schedule and put it there, next to this repository (read in place, never copied in).`);
  const dir = mkdtempSync(join(tmpdir(), 'schedule-xml-'));
  const file = join(dir, 'schedule.xml');
  writeFileSync(file, xml);
  try {
    const child = run('xmllint', [...args, file], { maxBuffer: 64 * 1024 * 1024 });
    if (stdin !== undefined) child.child.stdin?.end(stdin);
    const { stdout, stderr } = await child;
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string };
    if (err.code === 'ENOENT') throw new Error('xmllint is missing: install Debian/Ubuntu package libxml2-utils (`apt-get install libxml2-utils`; .ci/run does).');
    return { code: Number(err.code), out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** XML character references and the five predefined entities, decoded by hand (the test's own reader). */
function unescape(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, ref: string) =>
    ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : named[ref],
  );
}

/** Per event, in document order, the fields as xmllint's own XPath selects them (an independent XML parser). */
async function xmlEvents(xml: string): Promise<string[][]> {
  const columns: string[][] = [];
  for (const field of FIELDS) {
    const { out } = await xmllint(xml, ['--xpath', `//day/room/event/${field}`]);
    const pattern = field.startsWith('@') ? new RegExp(` ${field.slice(1)}="([^"]*)"`, 'g') : new RegExp(`<${field}>([\\s\\S]*?)</${field}>|<${field}/>`, 'g');
    columns.push([...out.matchAll(pattern)].map((m) => unescape(m[1] ?? '')));
  }
  return columns[0].map((_, i) => columns.map((c) => c[i]));
}

function jsonEvents(doc: ScheduleDocument): string[][] {
  return doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat()).map((e) => [e.guid, String(e.id), e.title, e.date, e.start, e.duration, e.room]);
}

describe('programme: schedule.xml export (real PostgreSQL, checked by xmllint against the published XSD)', () => {
  let app: TestApp;
  let orga: Organiser;

  beforeAll(async () => {
    app = await startTestApp('prog_schedule_xml', { livekit: false });
    orga = await platformOrganiser(app);
  });
  afterAll(() => app.stop());

  it.each(DEMO_SLUGS)('exports demo conference %s valid against the XSD, with the same events and version as schedule.json', async (slug) => {
    const xml = await api(app.url, 'GET', `/api/conferences/${slug}/schedule.xml`);
    expectStatus(xml, 200);
    expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const lint = await xmllint(xml.body, ['--noout', '--schema', XSD]);
    expect(lint.out).toContain('validates');
    expect(lint.code).toBe(0);

    const json = await api(app.url, 'GET', `/api/conferences/${slug}/schedule.json`);
    expectStatus(json, 200);
    const expected = jsonEvents(json.body);
    expect(expected.length).toBeGreaterThan(3);
    expect(await xmlEvents(xml.body)).toEqual(expected);
    expect((await xmllint(xml.body, ['--xpath', 'string(/schedule/version)'])).out.trim()).toBe(json.body.schedule.version);
  });

  it('carries each session\'s page as url and its stream link where it is streamed, in schedule.json and schedule.xml', async () => {
    const slug = 'buko-2020';
    const sessions = (await api(app.url, 'GET', `/api/conferences/${slug}/sessions`)).body as Array<{ id: string; livestream: boolean; status: string }>;
    const json = (await api(app.url, 'GET', `/api/conferences/${slug}/schedule.json`)).body as ScheduleDocument;
    const xml = (await api(app.url, 'GET', `/api/conferences/${slug}/schedule.xml`)).body as string;
    // Demo sessions keep no url of their own, so each event's url is its Podium page: /c/<slug>/s/<session id>.
    const events = json.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    const byPage = new Map(sessions.map((s) => [`${app.url}/c/${slug}/s/${s.id}`, s]));
    const streamed = sessions.filter((s) => s.livestream && s.status !== 'cancelled');
    expect(streamed.length).toBeGreaterThan(0);
    expect(events.some((e) => e.links.length === 0)).toBe(true);
    for (const e of events) {
      const s = byPage.get(e.url);
      expect([e.url, s?.id]).toEqual([e.url, expect.any(String)]);
      expect(e.links).toEqual(s?.livestream ? [{ url: `${e.url}/live`, title: 'Livestream', type: 'media' }] : []);
    }
    const hrefs = (await xmllint(xml, ['--xpath', '//event/links/link[@type="media"]/@href'])).out;
    expect([...hrefs.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).sort()).toEqual(streamed.map((s) => `${app.url}/c/${slug}/s/${s.id}/live`).sort());
  });

  it('changes version and ETag with the programme like schedule.json, and hides an unpublished conference', async () => {
    const path = '/api/conferences/buko-2019-ulm/schedule.xml';
    const first = await api(app.url, 'GET', path);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await api(app.url, 'GET', path)).headers.get('etag')).toBe(etag);

    const sessions = await api(app.url, 'GET', '/api/conferences/buko-2019-ulm/sessions');
    const target = (sessions.body as Array<{ id: string; title: string }>)[0];
    expectStatus(await api(app.url, 'PATCH', `/api/sessions/${target.id}`, { token: orga.token, body: { title: 'Neuer Titel <&>' } }), 200);
    const changed = await api(app.url, 'GET', path);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const version = (xml: string) => /<version>([^<]*)<\/version>/.exec(xml)?.[1];
    expect(version(changed.body)).not.toBe(version(first.body));
    expect(changed.body).toContain('<title>Neuer Titel &lt;&amp;&gt;</title>');

    expectStatus(await api(app.url, 'PATCH', '/api/conferences/buko-2019-ulm', { token: orga.token, body: { published: false } }), 200);
    const hidden = await api(app.url, 'GET', path);
    expect([hidden.status, hidden.headers.get('content-type')]).toEqual([404, 'application/json; charset=utf-8']);
    expectStatus(await api(app.url, 'GET', path, { token: orga.token }), 200);
  });
});
