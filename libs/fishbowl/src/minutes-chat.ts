import type { ChatRecordEntry } from '@podium/contracts';
import { clockFormatter, csvRow, escapeMarkdown, isoTime } from './format';

const TITLE = { de: 'Chat der Sitzung', en: 'Session chat' } as const;
const LOCALE = { de: 'de-DE', en: 'en-GB' } as const;
const DELETED = {
  de: { moderator: 'Nachricht vom Moderationsteam gelöscht', author: 'Nachricht von der schreibenden Person gelöscht' },
  en: { moderator: 'Message deleted by the moderators', author: 'Message deleted by its author' },
} as const;

/**
 * The session's chat as a section of the minutes, oldest first, wall-clock times in the conference's zone.
 * A deleted message keeps only its time and who deleted it (no author, no text).
 */
export function chatMarkdown(entries: readonly ChatRecordEntry[], timeZone: string, lang: 'de' | 'en' = 'de'): string {
  if (entries.length === 0) return '';
  const time = clockFormatter(LOCALE[lang], timeZone).time;
  const items = entries.map((e) =>
    e.deleted ? `- ${time(e.at)} _(${DELETED[lang][e.deleted]})_` : `- ${time(e.at)} **${escapeMarkdown(e.authorName)}:** ${escapeMarkdown(e.text)}`,
  );
  return [`## ${TITLE[lang]}`, '', ...items, ''].join('\n');
}

/** One row per message (ISO times in UTC); a deleted one has an empty text and says who deleted it. */
export function toChatCsv(entries: readonly ChatRecordEntry[]): string {
  const rows = entries.map((e) => csvRow([e.seq, isoTime(e.at), e.messageId, e.authorName, e.text, e.deleted]));
  return [csvRow(['seq', 'at', 'messageId', 'author', 'text', 'deleted']), ...rows].join('\r\n') + '\r\n';
}
