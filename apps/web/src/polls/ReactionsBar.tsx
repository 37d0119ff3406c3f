import { useEffect, useRef, useState } from 'react';
import { REACTION_KINDS_WIRE, type ReactionKindWire } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { connectReactions, type ReactionsSocket } from './socket';
import './polls.css';

const SYMBOL: Record<ReactionKindWire, string> = { applause: '👏', heart: '❤️', laughter: '😄', 'thumbs-up': '👍', surprise: '😮' };
/** How long a burst stays on screen, and how often screen readers hear a summary at most. */
const BURST_MS = 3_000;
const SUMMARY_MS = 30_000;

/**
 * Reaction buttons and the room's reactions: the server sends one count per interval (one per api
 * process; they are added up here). The burst is shown for the eye only; a screen reader hears a polite
 * summary at most every 30 seconds, never one announcement per reaction.
 */
export function ReactionsBar({ sessionId, token }: { sessionId: string; token: string | null }) {
  const { t } = useI18n();
  const socketRef = useRef<ReactionsSocket | null>(null);
  const [burst, setBurst] = useState<Partial<Record<ReactionKindWire, number>>>({});
  const [summary, setSummary] = useState('');
  const pending = useRef<Partial<Record<ReactionKindWire, number>>>({});

  useEffect(() => {
    if (!token) return;
    const socket = connectReactions(token);
    socketRef.current = socket;
    let clear: ReturnType<typeof setTimeout> | undefined;
    socket.on('connect', () => socket.emit('reactions:join', { sessionId }, () => undefined));
    socket.on('reactions:counts', (batch) => {
      if (batch.sessionId !== sessionId) return;
      setBurst((old) => {
        const next = { ...old };
        for (const k of REACTION_KINDS_WIRE) if (batch.counts[k]) next[k] = (next[k] ?? 0) + batch.counts[k];
        return next;
      });
      for (const k of REACTION_KINDS_WIRE) if (batch.counts[k]) pending.current[k] = (pending.current[k] ?? 0) + batch.counts[k];
      clearTimeout(clear);
      clear = setTimeout(() => setBurst({}), BURST_MS);
    });
    const summarise = setInterval(() => {
      const parts = REACTION_KINDS_WIRE.filter((k) => pending.current[k]).map((k) => `${pending.current[k]} ${t(`reactions.${k}` as MessageKey)}`);
      pending.current = {};
      if (parts.length) setSummary(t('reactions.summary', { list: parts.join(', ') }));
    }, SUMMARY_MS);
    return () => {
      clearTimeout(clear);
      clearInterval(summarise);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [sessionId, token, t]);

  const react = (kind: ReactionKindWire) => socketRef.current?.emit('reactions:send', { sessionId, kind });

  return (
    <section className="reactions-panel panel" aria-labelledby="reactions-heading" data-testid="reactions-bar">
      <h2 id="reactions-heading" className="visually-hidden">{t('reactions.title')}</h2>
      <div className="reactions" role="group" aria-label={t('reactions.title')}>
        {REACTION_KINDS_WIRE.map((kind) => (
          <button key={kind} type="button" className="button" onClick={() => react(kind)}>
            <span aria-hidden="true">{SYMBOL[kind]}</span> {t(`reactions.${kind}` as MessageKey)}
          </button>
        ))}
      </div>
      <p className="reactions__burst" aria-hidden="true" data-testid="reactions-burst">
        {REACTION_KINDS_WIRE.filter((k) => burst[k]).map((k) => `${SYMBOL[k]} ×${burst[k]}`).join('  ')}
      </p>
      <p role="status" className="visually-hidden">{summary}</p>
    </section>
  );
}
