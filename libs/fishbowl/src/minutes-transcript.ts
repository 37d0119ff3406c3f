import type { Transcript } from '@podium/contracts';
import { escapeMarkdown } from './format';

const TITLE = { de: 'Mitschrift (Live-Untertitel)', en: 'Transcript (live captions)' } as const;

/** h:mm:ss after the session start (a line before the start shows 0:00:00). */
function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The live captions' final lines as a section of the minutes; empty when nobody captioned. */
export function transcriptMarkdown(lines: Transcript['lines'], lang: 'de' | 'en' = 'de'): string {
  if (lines.length === 0) return '';
  const items = lines.map((l) => `- ${clock(l.startMs)} ${l.speaker ? `**${escapeMarkdown(l.speaker)}:** ` : ''}${escapeMarkdown(l.text)}`);
  return [`## ${TITLE[lang]}`, '', ...items, ''].join('\n');
}
