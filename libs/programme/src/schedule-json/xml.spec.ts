import kassel from '../fixtures/kassel-2018.schedule.json';
import { xsdErrors } from '../testing/xml-schema';
import { exportSchedule } from './export';
import { importSchedule } from './import';
import type { ScheduleDocument } from './types';
import { programme as buildProgramme, session } from '../testing/factories';
import { toScheduleXml, xmlAttr, xmlDuration, xmlText } from './xml';

/** One day, one room, one talk with a person and a title that needs escaping, one empty room. */
const tiny: ScheduleDocument = {
  generator: { name: 'Podium' },
  schedule: {
    version: 'abc123def456',
    base_url: 'https://podium.example/c/mini/',
    conference: {
      acronym: 'mini',
      title: 'Mini & Co',
      start: '2026-06-12',
      end: '2026-06-12',
      daysCount: 1,
      timeslot_duration: '00:05',
      time_zone_name: 'Europe/Berlin',
      rooms: [
        { name: 'Saal "A"', guid: '11111111-1111-4111-8111-111111111111' },
        { name: 'Leer', guid: '22222222-2222-4222-8222-222222222222' },
      ],
      tracks: [{ name: 'Politik', slug: 'politik', color: '#aa00cc' }],
      days: [
        {
          index: 1,
          date: '2026-06-12',
          day_start: '2026-06-12T00:00:00+02:00',
          day_end: '2026-06-13T00:00:00+02:00',
          rooms: {
            'Saal "A"': [
              {
                guid: '33333333-3333-4333-8333-333333333333',
                id: 7,
                date: '2026-06-12T10:00:00+02:00',
                start: '10:00',
                end: '2026-06-12T11:30:00+02:00',
                duration: '01:30',
                room: 'Saal "A"',
                slug: 'mini-7-a-b',
                url: 'https://podium.example/c/mini/s/7',
                title: 'Wohnen <jetzt> & später',
                subtitle: null,
                track: 'Politik',
                type: 'talk',
                language: 'de',
                abstract: 'Zeile 1\r\nZeile 2',
                description: null,
                do_not_record: true,
                do_not_stream: false,
                persons: [{ name: 'Ada Ö', guid: '44444444-4444-4444-8444-444444444444', role: 'speaker' }],
                links: [{ url: 'https://podium.example/c/mini/s/7', title: 'Seite', type: 'page' }],
              },
            ],
            Leer: [],
          },
        },
      ],
    },
  },
};

// Written by hand from the XSD: event slug 'mini-7-a-b' fits voc-slug-new; null subtitle/description become empty elements.
const TINY_XML = `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <generator name="Podium"/>
  <version>abc123def456</version>
  <conference>
    <acronym>mini</acronym>
    <title>Mini &amp; Co</title>
    <start>2026-06-12</start>
    <end>2026-06-12</end>
    <days>1</days>
    <timeslot_duration>00:05</timeslot_duration>
    <base_url>https://podium.example/c/mini/</base_url>
    <time_zone_name>Europe/Berlin</time_zone_name>
    <track name="Politik" slug="politik" color="#aa00cc"/>
  </conference>
  <day index="1" date="2026-06-12" start="2026-06-12T00:00:00+02:00" end="2026-06-13T00:00:00+02:00">
    <room name="Saal &quot;A&quot;" guid="11111111-1111-4111-8111-111111111111">
      <event guid="33333333-3333-4333-8333-333333333333" id="7">
        <date>2026-06-12T10:00:00+02:00</date>
        <start>10:00</start>
        <duration>01:30</duration>
        <room>Saal "A"</room>
        <slug>mini-7-a-b</slug>
        <url>https://podium.example/c/mini/s/7</url>
        <title>Wohnen &lt;jetzt&gt; &amp; später</title>
        <subtitle></subtitle>
        <track>Politik</track>
        <type>talk</type>
        <language>de</language>
        <abstract>Zeile 1&#13;
Zeile 2</abstract>
        <description></description>
        <recording>
          <license></license>
          <optout>true</optout>
        </recording>
        <persons>
          <person guid="44444444-4444-4444-8444-444444444444">Ada Ö</person>
        </persons>
        <links>
          <link href="https://podium.example/c/mini/s/7" type="page">Seite</link>
        </links>
      </event>
    </room>
    <room name="Leer" guid="22222222-2222-4222-8222-222222222222"/>
  </day>
</schedule>
`;

describe('toScheduleXml', () => {
  it('writes a tiny programme exactly as written by hand', () => {
    expect(toScheduleXml(tiny)).toBe(TINY_XML);
  });

  it('escapes markup, keeps CR and attribute whitespace, and drops what XML 1.0 cannot carry', () => {
    expect(xmlText('a<b>&c\r\u0001\uFFFEz\uD800')).toBe('a&lt;b&gt;&amp;c&#13;z');
    expect(xmlAttr('say "hi"\tthen\nbye')).toBe('say &quot;hi&quot;&#9;then&#10;bye');
    expect(xmlText('😀')).toBe('😀');
  });

  it('leaves out event and track slugs and colours the XSD would refuse', () => {
    const doc = structuredClone(tiny);
    const c = doc.schedule.conference;
    c.tracks = [{ name: 'X', slug: '9x', color: 'red' }];
    c.days[0].rooms['Saal "A"'][0].slug = 'kurz';
    const xml = toScheduleXml(doc);
    expect(xml).toContain('<track name="X"/>');
    expect(xml).not.toContain('<slug>');
  });

  it('writes durations past 99 hours as D:HH:MM, which the XSD allows', () => {
    expect(xmlDuration('01:30')).toBe('01:30');
    expect(xmlDuration('99:59')).toBe('99:59');
    expect(xmlDuration('100:00')).toBe('4:04:00');
    expect(xmlDuration('168:05')).toBe('7:00:05');
  });

  it('stays valid for hostile text and a week-long session', () => {
    const hostile = 'A <b> & "c" \'d\' \uFFFE \uD800 ]]> \r\n\t 😀';
    const p = buildProgramme([
      session('hostile', '10:00', '11:00', { title: hostile.replace(/\s+/g, ' '), subtitle: hostile.replace(/\s+/g, ' '), abstract: hostile, description: hostile, eventType: hostile.replace(/\s+/g, ' '), livestream: true }),
      { ...session('week', '09:00', '09:00', {}, '2018-08-27'), end: '2018-09-03T07:00:00.000Z' },
    ]);
    const doc = exportSchedule(p, { baseUrl: 'https://podium.example/c/x/', sessionUrl: (s) => `https://podium.example/c/x/s/${s.id}`, streamUrl: (s) => `https://podium.example/c/x/s/${s.id}/live` });
    const xml = toScheduleXml(doc);
    expect(xml).toContain('<duration>7:00:00</duration>');
    expect(xsdErrors(xml)).toBe('');
  });

  it('is valid against the published XSD, for the tiny programme and our Kassel fixture', () => {
    expect(xsdErrors(TINY_XML)).toBe('');
    const doc = exportSchedule(importSchedule(kassel).programme, { baseUrl: 'https://podium.example/buko2018/' });
    expect(xsdErrors(toScheduleXml(doc))).toBe('');
  });
});
