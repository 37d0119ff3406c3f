/**
 * schedule.xml (frab, pretalx; the XSD at c3voc.de/schedule/schema.xsd) -> the schedule.json
 * document it describes, so one importer, one validation and one report serve both formats.
 * Only the shape is translated here; every value is judged by the schedule.json importer.
 */
import { DomainError } from '@podium/contracts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isObject, type Json } from './import-values';
import { RECORDING_TITLE } from './links';
import { importRefusal } from './refusals';

/** A text that starts (after a byte order mark and white space) with '<' is XML; anything else is read as JSON. */
export function looksLikeXml(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}

// Elements that may repeat: always lists, even when a file has one of them.
const LISTS = new Set(['day', 'room', 'event', 'person', 'link', 'attachment', 'track']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  // <track> is a list under <conference> only; an event's <track> is its track's name.
  isArray: (name, jpath) => LISTS.has(name) && (name !== 'track' || jpath === 'schedule.conference.track'),
});

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** Text of an element: a string, or '#text' of an element that also has attributes. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value['#text'] === 'string') return value['#text'];
  return isObject(value) ? '' : undefined;
}
const trimmed = (value: unknown): string | undefined => text(value)?.trim() || undefined;
/** frab's integer ids arrive as text; the importer wants numbers where they are numbers. */
const integer = (value: unknown): unknown => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value);

function references(container: unknown, element: string): Json[] | undefined {
  if (container === undefined) return undefined;
  return list(isObject(container) ? container[element] : undefined)
    .filter(isObject)
    .map((l) => ({ url: l['@href'], ...(l['@type'] !== undefined ? { type: l['@type'] } : {}), ...(trimmed(l) ? { title: trimmed(l) } : {}) }));
}

function event(e: Json): Json {
  const out: Json = {};
  for (const key of ['date', 'start', 'duration', 'room', 'slug', 'url', 'title', 'subtitle', 'track', 'type', 'language', 'abstract', 'description', 'logo', 'feedback_url', 'origin_url']) {
    if (e[key] !== undefined) out[key] = key === 'title' || key === 'abstract' || key === 'description' || key === 'subtitle' ? text(e[key]) : trimmed(e[key]) ?? '';
  }
  if (e['@guid'] !== undefined) out.guid = e['@guid'];
  if (e['@id'] !== undefined) out.id = integer(e['@id']);
  if (e['@code'] !== undefined) out.code = e['@code'];
  if (isObject(e.recording)) {
    const optout = trimmed(e.recording.optout);
    if (optout !== undefined) out.do_not_record = optout === 'true' || optout === '1';
    const license = trimmed(e.recording.license);
    if (license) out.recording_license = license;
    const recording = trimmed(e.recording.url) ?? trimmed(e.recording.link);
    if (recording) out.recording = recording;
  }
  const video = trimmed(e.video_download_url);
  if (video && out.recording === undefined) out.recording = video;
  if (e.persons !== undefined) {
    out.persons = list(isObject(e.persons) ? e.persons.person : undefined).map((p) => {
      const person: Json = { name: text(p)?.trim() ?? '' };
      if (isObject(p) && p['@id'] !== undefined) person.id = integer(p['@id']);
      if (isObject(p) && p['@guid'] !== undefined) person.guid = p['@guid'];
      return person;
    });
  }
  const links = references(e.links, 'link');
  // The recording's link goes where schedule.json keeps it: a 'media' link titled 'Recording'.
  const recording = out.recording;
  delete out.recording;
  if (typeof recording === 'string' && !links?.some((l) => l.url === recording)) (out.links = links ?? []).push({ url: recording, type: 'media', title: RECORDING_TITLE });
  else if (links) out.links = links;
  const attachments = references(e.attachments, 'attachment');
  if (attachments) out.attachments = attachments;
  return out;
}

/** The parser's own limits (nesting depth; the stack on absurd nesting) are the file's fault, not ours: refused. */
function deepNestingRefused<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof RangeError) throw importRefusal('XML_TOO_DEEP', {});
    if (e instanceof Error && !(e instanceof DomainError)) throw importRefusal('XML_UNREADABLE', { detail: e.message });
    throw e;
  }
}

/** The schedule.json document of a schedule.xml text; refuses (VALIDATION, 'not a schedule.xml: …') what is not one. */
export function scheduleXmlToDocument(xml: string): Json {
  // The XML declaration must come first; the byte order mark and white space before it are an editor's.
  const body = xml.replace(/^\uFEFF?\s*/, '');
  // Entity declarations are how XML bombs expand; no real schedule.xml declares any.
  if (/<!ENTITY/i.test(body)) throw importRefusal('XML_ENTITIES', {});
  const valid = deepNestingRefused(() => XMLValidator.validate(body));
  if (valid !== true) throw importRefusal('XML_NOT_WELL_FORMED', { line: valid.err.line, column: valid.err.col, detail: valid.err.msg });
  const parsed = deepNestingRefused(() => parser.parse(body) as Json);
  const root = Object.keys(parsed).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (root !== 'schedule' || !isObject(parsed.schedule)) throw importRefusal('XML_ROOT', { root: root ?? '' });
  const s = parsed.schedule as Json;
  if (!isObject(s.conference)) throw importRefusal('XML_NO_CONFERENCE', {});
  const c = s.conference;

  const rooms = new Map<string, Json>();
  const days = list(s.day).map((d) => {
    const day = isObject(d) ? d : {};
    const roomEvents: Record<string, Json[]> = {};
    for (const r of list(day.room)) {
      if (!isObject(r) || typeof r['@name'] !== 'string') continue;
      const name = r['@name'];
      if (!rooms.has(name)) rooms.set(name, { name, ...(r['@guid'] !== undefined ? { guid: r['@guid'] } : {}) });
      roomEvents[name] = [...(roomEvents[name] ?? []), ...list(r.event).filter(isObject).map(event)];
    }
    return { index: integer(day['@index']), date: day['@date'], day_start: day['@start'], day_end: day['@end'], rooms: roomEvents };
  });

  const conference: Json = {};
  for (const key of ['acronym', 'title', 'start', 'end', 'timeslot_duration', 'url', 'time_zone_name', 'description']) {
    const value = key === 'description' ? text(c[key]) : trimmed(c[key]);
    if (value !== undefined) conference[key] = value;
  }
  const tracks = list(c.track)
    .filter(isObject)
    .map((t) => ({ name: t['@name'] ?? trimmed(t), ...(t['@slug'] !== undefined ? { slug: t['@slug'] } : {}), ...(t['@color'] !== undefined ? { color: t['@color'] } : {}) }));
  conference.rooms = [...rooms.values()];
  conference.tracks = tracks;
  conference.days = days;

  const doc: Json = { schedule: { version: trimmed(s.version) ?? '', ...(trimmed(c.base_url) ? { base_url: trimmed(c.base_url) } : {}), conference } };
  if (isObject(s.generator)) doc.generator = { ...(s.generator['@name'] !== undefined ? { name: s.generator['@name'] } : {}), ...(s.generator['@version'] !== undefined ? { version: s.generator['@version'] } : {}) };
  return doc;
}
