import { chatMarkdown, escapeMarkdown, toMinutesMarkdown, transcriptMarkdown } from '@podium/fishbowl';
import { openedPolls, toPollsMarkdown } from '@podium/polls';
import { buildQuestionRecord, toQuestionsMarkdown } from '@podium/questions';
import { forumMarkdown, forumPart } from './forum';
import { fishbowlPart } from './record';
import type { MinutesLanguage, SessionRecordSource } from './source';

const HEAD = {
  de: { title: 'Protokoll', zone: (zone: string) => `Zeiten in ${zone}`, empty: 'Keine Fragen, Umfragen, Chatnachrichten oder Untertitel.' },
  en: { title: 'Minutes', zone: (zone: string) => `Times in ${zone}`, empty: 'No questions, polls, chat messages or captions.' },
} as const;

/** The heading of a session that is no fishbowl: its title and the zone the chat's times are in. */
function plainHead(source: SessionRecordSource, lang: MinutesLanguage): string {
  const h = HEAD[lang];
  return [`# ${h.title}: ${escapeMarkdown(source.session.title)}`, '', `- ${h.zone(source.session.timeZone)}`, ''].join('\n');
}

/**
 * The minutes in Markdown, German by default: the fishbowl's minutes (or a heading for other kinds), a forum's part, then the
 * questions (anonymous askers unnamed: minutes travel further than the record), the opened polls, the chat and
 * the caption transcript; a section with nothing in it is left out.
 */
export function toSessionMinutes(source: SessionRecordSource, lang: MinutesLanguage = 'de'): string {
  const { session } = source;
  const fishbowl = fishbowlPart(source);
  const head = fishbowl ? toMinutesMarkdown(fishbowl, { lang, timeZone: session.timeZone, title: session.title }) : plainHead(source, lang);
  const questions = buildQuestionRecord(source.questions, { names: 'public' });
  const sections = [
    forumMarkdown(forumPart(source), session.timeZone, lang),
    questions.length ? toQuestionsMarkdown(questions, lang) : '',
    toPollsMarkdown(openedPolls(source.polls), lang),
    chatMarkdown(source.chat, session.timeZone, lang),
    transcriptMarkdown(source.transcript, lang),
  ].filter(Boolean);
  if (!fishbowl && sections.length === 0) sections.push(HEAD[lang].empty);
  return `${[head, ...sections].map((s) => s.trimEnd()).join('\n\n')}\n`;
}
