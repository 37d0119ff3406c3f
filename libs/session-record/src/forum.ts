import type { ForumRecord } from '@podium/contracts';
import { clockFormatter, counted, csvRow, escapeMarkdown, formatDuration } from '@podium/fishbowl';
import { buildForumRecord } from '@podium/forum';
import type { MinutesLanguage, SessionRecordSource } from './source';

/** The forum's own record inside the session record (the session id is the record's). */
export type ForumPart = Omit<ForumRecord, 'sessionId'>;

/** The forum's record of a forum session (as `GET …/forum/record` has it), null for any other kind. */
export function forumPart(source: SessionRecordSource): ForumPart | null {
  if (source.forumLog === null) return null;
  const { people, breakouts, mutes } = buildForumRecord(source.session.id, source.forumLog);
  return { people, breakouts, mutes };
}

const LOCALE = { de: 'de-DE', en: 'en-GB' } as const;
const TEXT = {
  de: {
    title: 'Forum',
    columns: ['Person', 'Anwesend', 'Wortbeiträge', 'Redezeit', 'Handmeldungen'],
    removed: 'entfernt',
    breakouts: 'Kleingruppen',
    groups: { one: 'Gruppe', other: 'Gruppen' },
    end: { closed: 'beendet', 'time-up': 'Zeit abgelaufen', open: 'läuft noch' },
    mutes: 'Stummschaltungen durch die Moderation',
  },
  en: {
    title: 'Forum',
    columns: ['Person', 'Present', 'Turns', 'Speaking time', 'Hands raised'],
    removed: 'removed',
    breakouts: 'Breakout groups',
    groups: { one: 'group', other: 'groups' },
    end: { closed: 'closed', 'time-up': 'time up', open: 'still open' },
    mutes: 'Mutes by the moderators',
  },
} as const;

/** The forum as a section of the minutes: who was there when, their turns, speaking time and hands; breakouts; mutes. Empty: ''. */
export function forumMarkdown(part: ForumPart | null, timeZone: string, lang: MinutesLanguage): string {
  if (!part || (part.people.length === 0 && part.breakouts.length === 0)) return '';
  const t = TEXT[lang];
  const time = (iso: string) => clockFormatter(LOCALE[lang], timeZone).time(Date.parse(iso));
  const span = (from: string, to: string | null) => `${time(from)}–${to ? time(to) : ''}`;
  const lines = [`## ${t.title}`, '', `| ${t.columns.join(' | ')} |`, `| ${t.columns.map(() => '---').join(' | ')} |`];
  for (const p of part.people) {
    const name = escapeMarkdown(p.displayName) + (p.removed ? ` (${t.removed})` : '');
    lines.push(`| ${name} | ${span(p.firstEnteredAt, p.lastLeftAt)} | ${p.turns} | ${formatDuration(p.speakingMs)} | ${p.handsRaised} |`);
  }
  if (part.breakouts.length) {
    lines.push('', `### ${t.breakouts}`, '');
    for (const b of part.breakouts) lines.push(`- ${span(b.openedAt, b.closedAt)}: ${counted(lang, b.groups, t.groups)}, ${t.end[b.reason ?? 'open']}`);
  }
  lines.push('', `${t.mutes}: ${part.mutes}`, '');
  return lines.join('\n');
}

/** One row per person who entered the forum (ISO times in UTC, speaking time in seconds). */
export function toForumAttendanceCsv(part: ForumPart): string {
  const rows = part.people.map((p) => csvRow([p.personId, p.displayName, p.firstEnteredAt, p.lastLeftAt, p.turns, Math.round(p.speakingMs / 1000), p.handsRaised, p.removed]));
  return [csvRow(['personId', 'displayName', 'firstEnteredAt', 'lastLeftAt', 'turns', 'speakingSeconds', 'handsRaised', 'removed']), ...rows].join('\r\n') + '\r\n';
}
