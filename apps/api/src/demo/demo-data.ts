/**
 * The demo conferences, written by us from the public facts about the Bundeskonferenz der
 * Integrationsbeauftragten (BuKo). Times without a published end were given plausible lengths.
 */
export interface DemoPerson {
  key: string;
  name: string;
  function?: string;
  organisation?: string;
}

export interface DemoSession {
  kind: 'welcome' | 'keynote' | 'panel' | 'fishbowl' | 'forum' | 'press-conference' | 'marketplace' | 'closing' | 'break';
  title: string;
  abstract?: string;
  day: number;
  /** Local wall times on that day, in the conference timezone... */
  start: string;
  end: string;
  /** ...or exact instants (the probe conference, which is always today). */
  at?: { start: Date; end: Date };
  room: string;
  track?: string;
  capacity?: number;
  livestream?: boolean;
  people?: { key: string; role: 'moderator' | 'speaker' | 'interpreter' }[];
}

export interface DemoConference {
  slug: string;
  title: string;
  description: string;
  timezone: string;
  startDate: string;
  endDate: string;
  format: 'digital' | 'hybrid' | 'in-person';
  venue: string | null;
  allowGuests: boolean;
  rooms: { name: string; kind: 'virtual-stage' | 'forum-room' | 'hall'; capacity?: number; changeoverMinutes?: number }[];
  tracks: string[];
  sessions: DemoSession[];
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'widmann-mauz', name: 'Annette Widmann-Mauz', function: 'Staatsministerin, Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration', organisation: 'Bundesregierung' },
  { key: 'haseloff', name: 'Reiner Haseloff', function: 'Ministerpräsident', organisation: 'Land Sachsen-Anhalt' },
  { key: 'wiegand', name: 'Bernd Wiegand', function: 'Oberbürgermeister', organisation: 'Stadt Halle (Saale)' },
  { key: 'grüttner', name: 'Stefan Grüttner', function: 'Hessischer Minister für Soziales und Integration', organisation: 'Land Hessen' },
  { key: 'geselle', name: 'Christian Geselle', function: 'Oberbürgermeister', organisation: 'Stadt Kassel' },
  { key: 'kühne-hörmann', name: 'Eva Kühne-Hörmann', function: 'Hessische Ministerin der Justiz', organisation: 'Land Hessen' },
  { key: 'klose', name: 'Kai Klose', function: 'Staatssekretär im Hessischen Ministerium für Soziales und Integration, Bevollmächtigter für Integration und Antidiskriminierung', organisation: 'Hessische Landesregierung' },
  { key: 'möbbeck', name: 'Susi Möbbeck', function: 'Staatssekretärin im Ministerium für Arbeit, Soziales und Integration', organisation: 'Land Sachsen-Anhalt' },
  { key: 'güler', name: 'Serap Güler', function: 'Staatssekretärin für Integration im Ministerium für Kinder, Familie, Flüchtlinge und Integration', organisation: 'Land Nordrhein-Westfalen' },
  { key: 'uslucan', name: 'Prof. Dr. Hacı-Halil Uslucan', function: 'Direktor des Zentrums für Türkeistudien und Integrationsforschung', organisation: 'Universität Duisburg-Essen' },
  { key: 'lau', name: 'Mariam Lau', function: 'Korrespondentin in der Hauptstadtredaktion', organisation: 'DIE ZEIT' },
  { key: 'lucha', name: 'Manne Lucha', function: 'Minister für Soziales und Integration', organisation: 'Land Baden-Württemberg' },
  { key: 'czisch', name: 'Gunter Czisch', function: 'Oberbürgermeister', organisation: 'Stadt Ulm' },
  { key: 'nassehi', name: 'Prof. Dr. Armin Nassehi', function: 'Professor für Soziologie', organisation: 'Ludwig-Maximilians-Universität München' },
  { key: 'sridharan', name: 'Ashok Sridharan', function: 'Oberbürgermeister der Bundesstadt Bonn, Vorsitzender der Fachkommission Integrationsfähigkeit', organisation: 'Bundesstadt Bonn' },
  { key: 'kobuß', name: 'Etelka Kobuß', function: 'Migrationsbeauftragte', organisation: 'Stadt Chemnitz' },
  { key: 'türkeli-dehnert', name: 'Gonca Türkeli-Dehnert', function: 'Geschäftsführerin', organisation: 'Deutschlandstiftung Integration' },
  { key: 'moderation', name: 'Moderation BuKo', function: 'Moderation', organisation: 'Geschäftsstelle der Beauftragten' },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ key: `forum-${n}`, name: `Moderation Forum ${n}`, function: 'Moderation', organisation: 'Geschäftsstelle der Beauftragten' })),
  { key: 'dgs', name: 'Gebärdensprachdolmetschung', function: 'Dolmetscherin für Deutsche Gebärdensprache', organisation: 'Dolmetschdienst' },
];

const forum = (n: number, title: string, day: number, start: string, end: string, abstract?: string): DemoSession => ({
  kind: 'forum',
  title: `Forum ${n}: ${title}`,
  abstract,
  day,
  start,
  end,
  room: `Forum ${n}`,
  track: 'Foren',
  capacity: 60,
  // One moderator per forum: parallel forums must not share a person.
  people: [{ key: `forum-${n}`, role: 'moderator' }],
});

export const DEMO_CONFERENCES: DemoConference[] = [
  {
    slug: 'buko-2020',
    title: '„In Vielfalt vereint: Zukunft in Deutschland“ – Bundeskonferenz der Integrationsbeauftragten 2020 (digital)',
    description:
      'Zum ersten Mal digital: Videokameras, Regiepult und Laptops statt großer Halle. Gemeinsam ausgerichtet von Staatsministerin Annette Widmann-Mauz, Ministerpräsident Reiner Haseloff und Oberbürgermeister Bernd Wiegand. Rund 300 Teilnehmende aus ganz Deutschland. Uhrzeiten der Demo sind angenommen.',
    timezone: 'Europe/Berlin',
    startDate: '2020-09-21',
    endDate: '2020-09-21',
    format: 'digital',
    venue: null,
    allowGuests: true,
    rooms: [
      { name: 'Plenum', kind: 'virtual-stage', capacity: 500, changeoverMinutes: 5 },
      { name: 'Forum 1', kind: 'forum-room', capacity: 80 },
      { name: 'Forum 2', kind: 'forum-room', capacity: 80 },
      { name: 'Forum 3', kind: 'forum-room', capacity: 80 },
    ],
    tracks: ['Plenum', 'Foren'],
    sessions: [
      {
        kind: 'welcome', title: 'Begrüßung und Eröffnung', day: 1, start: '10:00', end: '10:45', room: 'Plenum', track: 'Plenum',
        abstract: '„Vielfalt hat Deutschland in Europa und der Welt stark gemacht.“ Eröffnung im 30. Jahr der Deutschen Einheit.',
        people: [{ key: 'widmann-mauz', role: 'speaker' }, { key: 'haseloff', role: 'speaker' }, { key: 'wiegand', role: 'speaker' }, { key: 'moderation', role: 'moderator' }, { key: 'dgs', role: 'interpreter' }],
      },
      {
        kind: 'fishbowl', title: '„Aktuelle Stunde“ im Fishbowl-Format: Bekämpfung von Rassismus und Rechtsextremismus', day: 1, start: '10:50', end: '12:00', room: 'Plenum', track: 'Plenum',
        abstract: 'Ein Jahr nach dem antisemitischen und rassistischen Anschlag von Halle: Was tun Bund, Länder und Kommunen? Teilnehmende bitten um einen freien Stuhl im Podium.',
        people: [{ key: 'widmann-mauz', role: 'speaker' }, { key: 'wiegand', role: 'speaker' }, { key: 'moderation', role: 'moderator' }, { key: 'dgs', role: 'interpreter' }],
      },
      { kind: 'break', title: 'Mittagspause', day: 1, start: '12:00', end: '13:00', room: 'Plenum', livestream: false },
      forum(1, 'Arbeitsmarkt-Integration von Frauen in der Corona-Pandemie', 1, '13:00', '14:30', 'Die Situation eingewanderter Unternehmerinnen, die mit ihrer Existenzgründung für sich und ihre Beschäftigten sorgen.'),
      forum(2, 'Neue Zielgruppen durch soziale Medien erreichen', 1, '13:00', '14:30', 'Kommunen berichten von Integrationsarbeit in sozialen Medien.'),
      forum(3, 'Vielfalt im öffentlichen Dienst', 1, '13:00', '14:30'),
      forum(1, 'Deutsche Einheit aus der Perspektive von Zugewanderten', 1, '14:45', '16:00'),
      forum(2, 'Integrationsarbeit in ländlichen Räumen', 1, '14:45', '16:00'),
      forum(3, 'Erfahrungen mit der Einbürgerungspraxis', 1, '14:45', '16:00'),
      {
        kind: 'closing', title: 'Abschluss und Ausblick', day: 1, start: '16:15', end: '16:45', room: 'Plenum', track: 'Plenum',
        people: [{ key: 'widmann-mauz', role: 'speaker' }, { key: 'moderation', role: 'moderator' }, { key: 'dgs', role: 'interpreter' }],
      },
    ],
  },
  {
    slug: 'buko-2018-kassel',
    title: '„Integration vor Ort gestalten – Gesellschaftlichen Zusammenhalt stärken“ – Bundeskonferenz 2018 in Kassel',
    description: 'Zwei Konferenztage am 27. und 28. August 2018 in Kassel. Endzeiten, die im Programm fehlen, sind angenommen.',
    timezone: 'Europe/Berlin',
    startDate: '2018-08-27',
    endDate: '2018-08-28',
    format: 'hybrid',
    venue: 'Kassel',
    allowGuests: true,
    rooms: [
      { name: 'Großer Saal', kind: 'hall', capacity: 300, changeoverMinutes: 10 },
      { name: 'Forum 1', kind: 'forum-room', capacity: 60 },
      { name: 'Forum 2', kind: 'forum-room', capacity: 60 },
      { name: 'Forum 3', kind: 'forum-room', capacity: 60 },
      { name: 'Foyer', kind: 'hall', capacity: 300 },
    ],
    tracks: ['Plenum', 'Foren'],
    sessions: [
      { kind: 'press-conference', title: 'Pressekonferenz', day: 1, start: '12:00', end: '12:45', room: 'Großer Saal', track: 'Plenum', people: [{ key: 'widmann-mauz', role: 'speaker' }, { key: 'grüttner', role: 'speaker' }] },
      {
        kind: 'welcome', title: 'Begrüßung', day: 1, start: '13:00', end: '14:15', room: 'Großer Saal', track: 'Plenum',
        people: [{ key: 'grüttner', role: 'speaker' }, { key: 'geselle', role: 'speaker' }, { key: 'widmann-mauz', role: 'speaker' }],
      },
      {
        kind: 'fishbowl', title: '„Aktuelle Stunde“ im Fishbowl-Format', day: 1, start: '14:30', end: '16:00', room: 'Großer Saal', track: 'Plenum',
        abstract: 'Vier Gäste auf dem Podium, ein Stuhl bleibt frei: Wer aus dem Saal oder von außerhalb mitreden möchte, bittet um den freien Platz.',
        people: [{ key: 'widmann-mauz', role: 'speaker' }, { key: 'kühne-hörmann', role: 'speaker' }, { key: 'klose', role: 'speaker' }, { key: 'möbbeck', role: 'speaker' }, { key: 'moderation', role: 'moderator' }],
      },
      forum(1, 'Kommunikation zwischen Zugewanderten und heimischer Bevölkerung', 1, '16:30', '18:00'),
      forum(2, 'Vermittlung in Arbeit', 1, '16:30', '18:00'),
      forum(3, 'Integrationsangebote im ländlichen Raum', 1, '16:30', '18:00'),
      { kind: 'closing', title: 'Tagesabschluss', day: 1, start: '18:00', end: '18:30', room: 'Großer Saal', track: 'Plenum', people: [{ key: 'widmann-mauz', role: 'speaker' }] },
      { kind: 'marketplace', title: 'Beginn und Markt der Möglichkeiten', day: 2, start: '08:30', end: '09:00', room: 'Foyer', track: 'Plenum', livestream: false },
      forum(1, 'Frühe Vermittlung der Werteordnung', 2, '09:00', '10:45'),
      forum(2, 'Interkulturelle Öffnung von Behörden und Verwaltung', 2, '09:00', '10:45'),
      forum(3, 'Integrationskurse im ländlichen Raum', 2, '09:00', '10:45'),
      {
        kind: 'keynote', title: 'Keynote und Plenumsdiskussion: „Gesellschaftlichen Zusammenhalt stärken“', day: 2, start: '11:00', end: '12:45', room: 'Großer Saal', track: 'Plenum',
        people: [{ key: 'güler', role: 'speaker' }, { key: 'uslucan', role: 'speaker' }, { key: 'lau', role: 'speaker' }, { key: 'moderation', role: 'moderator' }],
      },
      { kind: 'closing', title: 'Abschlussstatement', day: 2, start: '13:00', end: '13:30', room: 'Großer Saal', track: 'Plenum', people: [{ key: 'widmann-mauz', role: 'speaker' }] },
    ],
  },
  {
    slug: 'buko-2019-ulm',
    title: '„Vielfalt: Herausforderung und Chance für unser Land“ – Bundeskonferenz 2019 in Ulm',
    description: 'Rund 200 Teilnehmende am 20. und 21. Mai 2019 in Ulm, sechs Fachforen. Uhrzeiten der Demo sind angenommen.',
    timezone: 'Europe/Berlin',
    startDate: '2019-05-20',
    endDate: '2019-05-21',
    format: 'in-person',
    venue: 'Ulm',
    allowGuests: false,
    rooms: [
      { name: 'Plenarsaal', kind: 'hall', capacity: 250, changeoverMinutes: 10 },
      ...[1, 2, 3, 4, 5, 6].map((n) => ({ name: `Forum ${n}`, kind: 'forum-room' as const, capacity: 40 })),
    ],
    tracks: ['Plenum', 'Foren'],
    sessions: [
      {
        kind: 'welcome', title: 'Eröffnung: „Integration ist eine Investition“', day: 1, start: '13:00', end: '14:00', room: 'Plenarsaal', track: 'Plenum',
        people: [{ key: 'widmann-mauz', role: 'speaker' }, { key: 'lucha', role: 'speaker' }, { key: 'czisch', role: 'speaker' }],
      },
      forum(1, 'Arbeitsmarktintegration von Frauen mit Einwanderungsgeschichte', 1, '14:30', '16:30'),
      forum(2, 'Arbeitsbedingungen von EU-Bürgerinnen und -Bürgern', 1, '14:30', '16:30'),
      forum(3, 'Gelingende Alltagsintegration in den Kommunen', 1, '14:30', '16:30'),
      forum(4, 'Neue zielgruppenorientierte Beteiligungsformate', 1, '14:30', '16:30'),
      forum(5, 'Wertevermittlung in der Einwanderungsgesellschaft', 1, '14:30', '16:30'),
      forum(6, 'Das NesT-Programm: Aufnahme besonders schutzbedürftiger Flüchtlinge', 1, '14:30', '16:30'),
      { kind: 'keynote', title: 'Keynote: „#vonhier – Identität in der Einwanderungsgesellschaft“', day: 2, start: '10:00', end: '10:45', room: 'Plenarsaal', track: 'Plenum', people: [{ key: 'nassehi', role: 'speaker' }] },
      {
        kind: 'panel', title: 'Podiumsdiskussion: Kulturelle Diversität als Normalität sichtbar machen', day: 2, start: '11:00', end: '12:30', room: 'Plenarsaal', track: 'Plenum',
        people: [{ key: 'nassehi', role: 'speaker' }, { key: 'sridharan', role: 'speaker' }, { key: 'kobuß', role: 'speaker' }, { key: 'türkeli-dehnert', role: 'speaker' }, { key: 'moderation', role: 'moderator' }],
      },
    ],
  },
];
