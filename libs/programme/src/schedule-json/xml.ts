/**
 * schedule.json document -> schedule.xml (frab/pretalx, the XSD at c3voc.de/schedule/schema.xsd).
 * Written from the finished schedule.json, so both carry the same events, ids, guids and times;
 * values the XSD constrains harder than the JSON schema (event and track slugs, colours) are left
 * out where they do not fit, as the XSD allows.
 */
import { isRecordingLink } from './links';
import type { ScheduleDocument, ScheduleEvent, SchedulePerson } from './types';

const EVENT_SLUG = /^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$/;
const TRACK_SLUG = /^[a-z][a-z0-9-]+$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const HTTP_URI = /^https?:\/\/\S*$/;
// Characters XML 1.0 cannot carry at all, not even as references: dropped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: markup characters escaped; CR as a reference so a parser does not fold it into LF. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute value: as text, plus quotes and the whitespace a parser would otherwise normalise to spaces. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

/** <name>text</name>, or nothing when the value is absent. */
function el(indent: string, name: string, value: string | number | boolean | null | undefined): string[] {
  return value === undefined || value === null ? [] : [`${indent}<${name}>${xmlText(String(value))}</${name}>`];
}

/** The XSD allows two digits of hours; longer (a session may last a week) goes as frab's D:HH:MM, which it also allows. */
export function xmlDuration(hhmm: string): string {
  const m = /^(\d+):(\d{2})$/.exec(hhmm);
  if (!m || m[1].length <= 2) return hhmm;
  const hours = Number(m[1]);
  return `${Math.floor(hours / 24)}:${String(hours % 24).padStart(2, '0')}:${m[2]}`;
}

const http = (value: string | undefined): string | undefined => (value !== undefined && HTTP_URI.test(value) ? value : undefined);

function persons(list: readonly SchedulePerson[], indent: string): string[] {
  if (!list.length) return [`${indent}<persons/>`];
  return [`${indent}<persons>`, ...list.map((p) => `${indent}  <person${attrs({ guid: p.guid })}>${xmlText(p.name)}</person>`), `${indent}</persons>`];
}

function links(list: ScheduleEvent['links'], indent: string): string[] {
  if (!list.length) return [`${indent}<links/>`];
  return [`${indent}<links>`, ...list.map((l) => `${indent}  <link${attrs({ href: l.url, type: l.type })}>${xmlText(l.title ?? l.url)}</link>`), `${indent}</links>`];
}

function event(e: ScheduleEvent, i: string): string[] {
  const recording = http(e.links.find(isRecordingLink)?.url);
  return [
    `${i}<event${attrs({ guid: e.guid, id: e.id })}>`,
    ...el(`${i}  `, 'date', e.date),
    ...el(`${i}  `, 'start', e.start),
    ...el(`${i}  `, 'duration', xmlDuration(e.duration)),
    ...el(`${i}  `, 'room', e.room),
    ...el(`${i}  `, 'slug', EVENT_SLUG.test(e.slug) ? e.slug : undefined),
    ...el(`${i}  `, 'url', http(e.url)),
    ...el(`${i}  `, 'title', e.title),
    ...el(`${i}  `, 'subtitle', e.subtitle ?? ''),
    ...el(`${i}  `, 'track', e.track ?? ''),
    ...el(`${i}  `, 'type', e.type),
    ...el(`${i}  `, 'language', e.language),
    ...el(`${i}  `, 'abstract', e.abstract ?? ''),
    ...el(`${i}  `, 'description', e.description ?? ''),
    `${i}  <recording>`,
    `${i}    <license></license>`,
    `${i}    <optout>${e.do_not_record}</optout>`,
    ...el(`${i}    `, 'url', recording),
    `${i}  </recording>`,
    ...persons(e.persons, `${i}  `),
    ...links(e.links, `${i}  `),
    ...el(`${i}  `, 'feedback_url', http(e.feedback_url)),
    `${i}</event>`,
  ];
}

/** The schedule.xml of a schedule.json document (the XML declaration and a final newline included). */
export function toScheduleXml(doc: ScheduleDocument): string {
  const { conference } = doc.schedule;
  const roomGuids = new Map(conference.rooms.map((r) => [r.name, r.guid]));
  const zone = conference.time_zone_name ?? (typeof conference.meta?.time_zone_name === 'string' ? conference.meta.time_zone_name : undefined);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    ...(doc.generator ? [`  <generator${attrs({ name: doc.generator.name, version: doc.generator.version })}/>`] : []),
    ...el('  ', 'version', doc.schedule.version),
    '  <conference>',
    ...el('    ', 'acronym', conference.acronym),
    ...el('    ', 'title', conference.title),
    ...el('    ', 'start', conference.start),
    ...el('    ', 'end', conference.end),
    ...el('    ', 'days', conference.daysCount),
    ...el('    ', 'timeslot_duration', conference.timeslot_duration),
    ...el('    ', 'base_url', http(doc.schedule.base_url)),
    ...el('    ', 'url', http(conference.url)),
    ...el('    ', 'time_zone_name', zone),
    ...conference.tracks.map(
      (t) => `    <track${attrs({ name: t.name, slug: t.slug && TRACK_SLUG.test(t.slug) ? t.slug : undefined, color: t.color && HEX_COLOR.test(t.color) ? t.color : undefined })}/>`,
    ),
    '  </conference>',
    ...conference.days.flatMap((d) => [
      `  <day${attrs({ index: d.index, date: d.date, start: d.day_start, end: d.day_end })}>`,
      ...Object.entries(d.rooms).flatMap(([name, events]) =>
        events.length
          ? [`    <room${attrs({ name, guid: roomGuids.get(name) })}>`, ...events.flatMap((e) => event(e, '      ')), '    </room>']
          : [`    <room${attrs({ name, guid: roomGuids.get(name) })}/>`],
      ),
      '  </day>',
    ]),
    '</schedule>',
  ];
  return `${lines.join('\n')}\n`;
}
