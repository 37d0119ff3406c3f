import { useEffect, useRef, useState } from 'react';
import type { AttendeeQuestionView } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';

/** At most one announcement per this interval; questions approved meanwhile are counted into the next one. */
export const ANNOUNCE_INTERVAL_MS = 10_000;

/**
 * New approved questions, for a polite live region, rate-limited so a busy session does not flood a
 * screen reader: the first at once, then at most one sentence per interval ("3 neue Fragen").
 */
export function useQuestionAnnouncements(list: AttendeeQuestionView[], ready: boolean): string {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const known = useRef<Set<string> | null>(null);
  const waiting = useRef<AttendeeQuestionView[]>([]);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (!ready) return;
    const approved = list.filter((q) => q.status === 'approved' && !q.mine);
    // The first list is what was there before: nothing to announce.
    if (!known.current) {
      known.current = new Set(approved.map((q) => q.id));
      return;
    }
    const fresh = approved.filter((q) => !known.current!.has(q.id));
    for (const q of fresh) known.current.add(q.id);
    if (fresh.length === 0) return;
    waiting.current.push(...fresh);
    const flush = () => {
      const items = waiting.current.splice(0);
      if (items.length === 0) return;
      last.current = Date.now();
      setText(items.length === 1 ? t('questions.announce.one', { text: items[0].text }) : t('questions.announce.many', { count: items.length }));
    };
    const wait = last.current + ANNOUNCE_INTERVAL_MS - Date.now();
    if (wait <= 0) flush();
    else if (!timer.current) timer.current = setTimeout(() => ((timer.current = undefined), flush()), wait);
  }, [list, ready, t]);

  useEffect(() => () => clearTimeout(timer.current), []);
  return text;
}
