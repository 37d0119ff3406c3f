import * as ical from 'node-ical';
import fc from 'fast-check';
import { escapeText, foldLine, toICalendar } from './icalendar';
import type { Person, Session } from './model';
import { at, conference, room, session } from './testing/factories';

interface IcalComponent {
  getFirstSubcomponent(name: string): IcalComponent | null;
  getFirstPropertyValue(name: string): unknown;
}
// ical.js publishes types for its ES module only; jest loads its CommonJS build, typed by what we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as { parse(text: string): unknown; Component: new (jcal: unknown) => IcalComponent };

const people: Person[] = [
  { id: 'wm', name: 'Annette Widmann-Mauz', function: 'Staatsministerin und Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration' },
  { id: 'hu', name: 'Prof. Dr. Hacı-Halil Uslucan', organisation: 'Universität Duisburg-Essen' },
  { id: 'kk', name: 'Kai Klose' },
];
const rooms = [room('plenum', { name: 'Plenarsaal' }), room('foyer', { name: 'Foyer; Erdgeschoss' })];
const longTitle = 'Keynote und Plenumsdiskussion „Gesellschaftlichen Zusammenhalt stärken“ – Grüße aus Kassel, Köln & Düsseldorf; mit Übersetzung 🇩🇪🤝🌍 und €-Beträgen';
const sessions: Session[] = [
  session('welcome', '13:00', '14:00', { kind: 'welcome', title: 'Begrüßung, Grußworte; Einführung', people: [{ personId: 'wm', role: 'speaker' }] }),
  session('fishbowl', '14:30', '16:00', {
    kind: 'fishbowl',
    title: '„Aktuelle Stunde“ im Fishbowl-Format',
    abstract: 'Zeile eins\nZeile zwei mit Backslash \\ und Komma, Semikolon;',
    roomId: 'foyer',
    people: [
      { personId: 'kk', role: 'moderator' },
      { personId: 'wm', role: 'speaker' },
    ],
  }),
  session('keynote', '11:00', '12:30', { kind: 'keynote', title: longTitle, people: [{ personId: 'hu', role: 'speaker' }] }, '2018-08-28'),
  session('cancelled', '09:00', '10:00', { status: 'cancelled', title: 'Abgesagt' }, '2018-08-28'),
  session('delayed', '16:30', '18:00', { roomId: 'foyer', delayMinutes: 15, title: 'Gemeinsamer Austausch in Foren' }),
];
const text = toICalendar(
  { conference: conference(), sessions, rooms, people },
  { domain: 'podium.example', dtstamp: '2018-08-01T08:00:00Z', sessionUrl: (s) => `https://podium.example/buko2018/sessions/${s.id}` },
);
const parsed = ical.sync.parseICS(text);
const event = (id: string) => parsed[`${id}@podium.example`] as ical.VEvent;

describe('toICalendar', () => {
  it('writes CRLF line endings only, and a calendar with name and timezone', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    expect(text).toContain('\r\nX-WR-TIMEZONE:Europe/Berlin\r\n');
    expect(text).toContain('\r\nX-WR-CALNAME:Bundeskonferenz der Integrationsbeauftragten 2018\r\n');
  });

  it('folds every line at 75 octets without splitting a UTF-8 character', () => {
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
    }
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('is read back by node-ical with UTC times, summaries and descriptions intact', () => {
    const welcome = event('welcome');
    expect(welcome.type).toBe('VEVENT');
    expect(welcome.summary).toBe('Begrüßung, Grußworte; Einführung');
    expect(welcome.start.toISOString()).toBe(at('2018-08-27', '13:00'));
    expect(welcome.end?.toISOString()).toBe(at('2018-08-27', '14:00'));
    expect(welcome.location).toBe('Plenarsaal, Kassel');
    expect(welcome.url).toBe('https://podium.example/buko2018/sessions/welcome');
    expect(welcome.status).toBe('CONFIRMED');
    expect(welcome.dtstamp?.toISOString()).toBe('2018-08-01T08:00:00.000Z');
    expect(welcome.description).toBe(
      'Mit: Annette Widmann-Mauz (Staatsministerin und Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration)',
    );
    const fishbowl = event('fishbowl');
    expect(fishbowl.description).toBe(
      'Zeile eins\nZeile zwei mit Backslash \\ und Komma, Semikolon;\n\nModeration: Kai Klose\nMit: Annette Widmann-Mauz (Staatsministerin und Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration)',
    );
    expect(fishbowl.location).toBe('Foyer; Erdgeschoss, Kassel');
  });

  it('keeps a long folded summary with umlauts, emoji and punctuation whole', () => {
    const keynote = event('keynote');
    expect(keynote.summary).toBe(longTitle);
    expect(keynote.start.toISOString()).toBe('2018-08-28T09:00:00.000Z');
    expect(keynote.categories).toEqual(['keynote']);
  });

  it('marks cancelled sessions and shows delayed ones at their shown time', () => {
    expect(event('cancelled').status).toBe('CANCELLED');
    expect(event('delayed').start.toISOString()).toBe(at('2018-08-27', '16:45'));
    expect(event('delayed').end?.toISOString()).toBe(at('2018-08-27', '18:15'));
  });

  it('writes DTSTART and DTEND in UTC form and stable UIDs', () => {
    expect(text).toContain('DTSTART:20180827T110000Z\r\n');
    expect(text).toContain('UID:welcome@podium.example\r\n');
    const again = toICalendar({ conference: conference(), sessions: [...sessions].reverse(), rooms, people }, { domain: 'podium.example', dtstamp: '2018-08-01T08:00:00Z', sessionUrl: (s) => `https://podium.example/buko2018/sessions/${s.id}` });
    expect(again).toBe(text);
  });

  it('escapes text values as RFC 5545 says', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('a\u2028b\u2029c\u0085d\x1be\x9bf\tg')).toBe('a\\nb\\nc\\nde' + 'f\tg');
  });

  it('folds any text so unfolding gives it back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (value) => {
        const folded = foldLine(`SUMMARY:${value}`);
        for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${value}`);
      }),
    );
  });

  // Mozilla's ical.js (Thunderbird's parser) is the oracle here: node-ical 0.26 reads an escaped backslash
  // before an "n" (`\\n`) as a line break, which CI's property run found with "T\\n ".
  it('survives any title through ical.js (property)', () => {
    // Line separators and controls are mixed in on purpose: U+2028 once made node-ical lose the title.
    const special = fc.constantFrom('\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029', '\t', '\x01', '\x1b', '\x7f', '\x9b', ';', ',', '\\', '\\n', 'n', ' ');
    const piece = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), special);
    const expected = (title: string) => title.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => `T${parts.join('')}T`), (title) => {
        const out = toICalendar({ conference: conference(), sessions: [{ ...sessions[0], title }], rooms, people }, { domain: 'podium.example', dtstamp: '2018-08-01T08:00:00Z' });
        const event = new ICAL.Component(ICAL.parse(out)).getFirstSubcomponent('vevent');
        expect(event?.getFirstPropertyValue('summary')).toBe(expected(title));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a title with a Unicode line separator readable for node-ical too', () => {
    const out = toICalendar({ conference: conference(), sessions: [{ ...sessions[0], title: 'Teil 1\u2028Teil 2' }], rooms, people }, { domain: 'podium.example', dtstamp: '2018-08-01T08:00:00Z' });
    expect((ical.sync.parseICS(out)['welcome@podium.example'] as ical.VEvent).summary).toBe('Teil 1\nTeil 2');
  });
});
