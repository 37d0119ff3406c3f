import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';

/** A busy chat must not drown a screen reader: at most one polite summary per interval. */
export const ANNOUNCE_EVERY_MS = 8000;

/** Polite sentences about new messages of others: the newest one, with how many came since the last sentence. */
export function useChatAnnouncements(messages: readonly ChatMessage[], personId: string | undefined): string {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const seen = useRef<number | null>(null);
  const lastAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const newest = messages[messages.length - 1]?.seq ?? 0;
    // The history on join is not news.
    if (seen.current === null) {
      seen.current = newest;
      return;
    }
    const announce = () => {
      timer.current = null;
      const fresh = messages.filter((m) => m.seq > (seen.current ?? 0) && m.authorId !== personId && !m.deleted);
      seen.current = Math.max(seen.current ?? 0, newest);
      if (fresh.length === 0) return;
      const last = fresh[fresh.length - 1];
      const body = last.tokens.map((x) => x.text).join('').slice(0, 120);
      lastAt.current = Date.now();
      setText(fresh.length === 1 ? t('chat.announce.one', { name: last.authorName, text: body }) : t('chat.announce.many', { count: fresh.length, name: last.authorName, text: body }));
    };
    if (timer.current) return;
    const wait = Math.max(0, lastAt.current + ANNOUNCE_EVERY_MS - Date.now());
    timer.current = setTimeout(announce, wait);
  }, [messages, personId, t]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return text;
}
