import type { FishbowlFixedChairRole, FishbowlLeaveReason, FishbowlSeatLocation } from '@podium/contracts';
import { counted } from './format';

/** Wording of the minutes: German first, English second. */
export interface MinutesLabels {
  locale: string;
  title: string;
  started: string;
  ended: string;
  notEnded: string;
  notStarted: string;
  duration: string;
  mode: { open: string; closed: string };
  modeLabel: string;
  chairs: (total: number, fixed: number) => string;
  speakingMeasure: { seated: string; reported: string };
  speakingMeasureLabel: string;
  summary: (requests: number, invitations: number, accepted: number, declined: number, lapsed: number, withdrawn: number) => string;
  fixedChairs: string;
  seatings: string;
  people: string;
  balance: string;
  noSeatings: string;
  noPeople: string;
  col: {
    chair: string; role: string; name: string; from: string; to: string; where: string; topic: string; seated: string;
    spoken: string; endReason: string; requests: string; invited: string; accepted: string; declined: string; lapsed: string; seatings: string;
  };
  where: Record<FishbowlSeatLocation, string>;
  role: Record<FishbowlFixedChairRole, string>;
  reason: Record<FishbowlLeaveReason | 'ongoing', string>;
  guests: (once: number, returning: number) => string;
  firstSeatings: (first: number, returning: number) => string;
  location: (label: string, askers: number, seated: number, seatings: number, seatedTime: string, spokenTime: string) => string;
  neverSeated: (n: number) => string;
  timeZone: (zone: string) => string;
}

export const LABELS: Record<'de' | 'en', MinutesLabels> = {
  de: {
    locale: 'de-DE',
    title: 'Protokoll Fishbowl',
    started: 'Beginn',
    ended: 'Ende',
    notEnded: 'läuft noch',
    notStarted: 'nicht begonnen',
    duration: 'Dauer',
    mode: { open: 'offen (ein Stuhl bleibt frei)', closed: 'geschlossen (Runden)' },
    modeLabel: 'Form',
    chairs: (total, fixed) => `${total} Stühle, davon ${fixed} fest`,
    speakingMeasure: { seated: 'Sitzzeit', reported: 'gemessene Redezeit' },
    speakingMeasureLabel: 'Redezeit gemessen als',
    summary: (r, i, a, d, l, w) =>
      `${counted('de', r, { one: 'Wortmeldung', other: 'Wortmeldungen' })}, ${counted('de', i, { one: 'Einladung', other: 'Einladungen' })} (${a} angenommen, ${d} abgelehnt, ${l} verfallen), ${w} zurückgezogen`,
    fixedChairs: 'Feste Stühle',
    seatings: 'Redebeiträge',
    people: 'Personen',
    balance: 'Ausgewogenheit',
    noSeatings: 'Keine Redebeiträge.',
    noPeople: 'Keine Personen.',
    col: {
      chair: 'Stuhl', role: 'Rolle', name: 'Name', from: 'von', to: 'bis', where: 'Ort', topic: 'Thema', seated: 'Sitzzeit',
      spoken: 'Redezeit', endReason: 'Ende durch', requests: 'Wortmeldungen', invited: 'eingeladen', accepted: 'angenommen',
      declined: 'abgelehnt', lapsed: 'verfallen', seatings: 'Beiträge',
    },
    where: { hall: 'Saal', remote: 'online' },
    role: { moderator: 'Moderation', panelist: 'Podium', interpreter: 'Dolmetschung' },
    reason: {
      left: 'selbst gegangen', removed: 'von der Moderation beendet', 'time-limit': 'Redezeit abgelaufen', rotation: 'Rotation',
      'round-end': 'Rundenende', ended: 'Ende des Fishbowls', ongoing: 'sitzt noch',
    },
    guests: (once, returning) => `Gäste im Kreis: ${once} einmal, ${returning} mehrmals`,
    firstSeatings: (first, returning) => `Beiträge von Erstrednerinnen und Erstrednern: ${first}, von Wiederkehrenden: ${returning}`,
    location: (label, askers, seated, seatings, seatedTime, spokenTime) =>
      `${label}: ${askers} Wortmeldende, ${seated} im Kreis, ${counted('de', seatings, { one: 'Beitrag', other: 'Beiträge' })}, Sitzzeit ${seatedTime}, Redezeit ${spokenTime}`,
    neverSeated: (n) => `Ohne Platz geblieben: ${n}`,
    timeZone: (zone) => `Zeiten in ${zone}`,
  },
  en: {
    locale: 'en-GB',
    title: 'Fishbowl minutes',
    started: 'Started',
    ended: 'Ended',
    notEnded: 'still running',
    notStarted: 'not started',
    duration: 'Duration',
    mode: { open: 'open (one chair kept free)', closed: 'closed (rounds)' },
    modeLabel: 'Format',
    chairs: (total, fixed) => `${total} chairs, ${fixed} of them fixed`,
    speakingMeasure: { seated: 'seated time', reported: 'reported speaking time' },
    speakingMeasureLabel: 'Speaking time measured as',
    summary: (r, i, a, d, l, w) =>
      `${counted('en', r, { one: 'request', other: 'requests' })}, ${counted('en', i, { one: 'invitation', other: 'invitations' })} (${a} accepted, ${d} declined, ${l} lapsed), ${w} withdrawn`,
    fixedChairs: 'Fixed chairs',
    seatings: 'Contributions',
    people: 'People',
    balance: 'Balance',
    noSeatings: 'No contributions.',
    noPeople: 'Nobody.',
    col: {
      chair: 'Chair', role: 'Role', name: 'Name', from: 'From', to: 'To', where: 'Where', topic: 'Topic', seated: 'Seated',
      spoken: 'Spoken', endReason: 'Ended by', requests: 'Requests', invited: 'Invited', accepted: 'Accepted', declined: 'Declined',
      lapsed: 'Lapsed', seatings: 'Contributions',
    },
    where: { hall: 'hall', remote: 'remote' },
    role: { moderator: 'moderator', panelist: 'panelist', interpreter: 'interpreter' },
    reason: {
      left: 'left', removed: 'asked to leave', 'time-limit': 'time limit', rotation: 'rotation', 'round-end': 'end of round',
      ended: 'end of fishbowl', ongoing: 'still seated',
    },
    guests: (once, returning) => `Guests in the circle: ${once} once, ${returning} more than once`,
    firstSeatings: (first, returning) => `Contributions by first-time speakers: ${first}, by returning speakers: ${returning}`,
    location: (label, askers, seated, seatings, seatedTime, spokenTime) =>
      `${label}: ${askers} asked, ${seated} sat, ${counted('en', seatings, { one: 'contribution', other: 'contributions' })}, seated ${seatedTime}, spoken ${spokenTime}`,
    neverSeated: (n) => `Never got a seat: ${n}`,
    timeZone: (zone) => `Times in ${zone}`,
  },
};
