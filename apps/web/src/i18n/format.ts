import { useMemo } from 'react';
import { useI18n } from './I18nProvider';
import { LOCALES, type Language } from './types';
import { isValidZone } from './zone';

export interface Formatters {
  /** The zone times are shown in. */
  zone: string;
  time(instant: string | number): string;
  date(instant: string | number): string;
  /** A 'YYYY-MM-DD' conference day, without zone conversion. */
  day(localDate: string): string;
  dateTime(instant: string | number): string;
  /** "12:34" style countdown from milliseconds. */
  clock(ms: number): string;
  /** "5 Min." / "5 min" style duration. */
  minutes(ms: number): string;
  /** The zone with its abbreviation as it applies at `at` (a conference in September is MESZ, not today's MEZ). */
  zoneName(at?: string | number): string;
  /** The 'YYYY-MM-DD' date of an instant in the shown zone. */
  localDate(instant: string | number): string;
}

export function makeFormatters(lang: Language, zone: string): Formatters {
  const locale = LOCALES[lang];
  const safeZone = isValidZone(zone) ? zone : 'UTC';
  const time = new Intl.DateTimeFormat(locale, { timeZone: safeZone, hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(locale, { timeZone: safeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: safeZone, dateStyle: 'medium', timeStyle: 'short' });
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: safeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const zoneLabel = new Intl.DateTimeFormat(locale, { timeZone: safeZone, timeZoneName: 'short' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    zone: safeZone,
    time: (i) => time.format(new Date(i)),
    date: (i) => date.format(new Date(i)),
    day: (d) => day.format(new Date(`${d}T12:00:00Z`)),
    dateTime: (i) => dateTime.format(new Date(i)),
    clock(ms) {
      const total = Math.max(0, Math.ceil(ms / 1000));
      const m = Math.floor(total / 60);
      const s = total % 60;
      return `${m}:${String(s).padStart(2, '0')}`;
    },
    minutes: (ms) => `${number.format(Math.max(0, Math.round(ms / 60000)))} ${lang === 'de' ? 'Min.' : 'min'}`,
    zoneName: (at) => `${safeZone.replace(/_/g, ' ')} (${zoneLabel.formatToParts(at === undefined ? new Date() : new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? ''})`,
    localDate: (i) => iso.format(new Date(i)),
  };
}

/** Formatters for the zone the viewer chose: the conference's or their own. */
export function useFormat(conferenceZone: string | undefined): Formatters {
  const { lang, zoneChoice, viewerZone } = useI18n();
  const zone = zoneChoice === 'viewer' || !conferenceZone ? viewerZone : conferenceZone;
  return useMemo(() => makeFormatters(lang, zone), [lang, zone]);
}
