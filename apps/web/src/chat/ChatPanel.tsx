import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CHAT_LIMITS, type ChatMessage, type ChatToken, type ErrorBody } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { useChat } from './useChat';
import { useChatAnnouncements } from './useChatAnnouncements';

const SLOW_MODES = [null, 10, 30, 60] as const;
const MUTE_MINUTES = 10;

/** A chat room (a session's or a conference lobby's): the log, the form, and the moderators' controls. */
export function ChatPanel({ roomId, token, personId, title }: { roomId: string; token: string | null; personId: string | undefined; title?: string }) {
  const { t } = useI18n();
  const chat = useChat(roomId, token);
  const { state } = chat;
  const [text, setText] = useState('');
  const announcement = useChatAnnouncements(state.messages, personId);
  const ids = useId();
  const moderator = state.room?.moderator ?? false;
  const mutedUntil = state.room?.mutedUntil && state.room.mutedUntil > Date.now() ? state.room.mutedUntil : null;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim()) return;
    if (await chat.post(text)) setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter makes a new line.
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  };

  if (!token) return null;
  return (
    <section className="chat-panel" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{title ?? t('chat.title')}</h2>
      {state.status === 'refused' ? <p role="alert">{errorText(t, state.error)}</p> : null}
      {state.room?.slowModeSeconds ? <p className="muted">{t('chat.slowModeOn', { seconds: state.room.slowModeSeconds })}</p> : null}
      {state.hasOlder && state.messages.length > 0 ? (
        <button type="button" className="button button--link" onClick={() => void chat.loadOlder()}>
          {t('chat.older')}
        </button>
      ) : null}
      <div className="chat-log" role="log" aria-live="off" aria-label={t('chat.log')} tabIndex={0}>
        <ol>
        {state.messages.map((m) => (
          <MessageItem key={m.seq} message={m} mine={m.authorId === personId} moderator={moderator} chat={chat} />
        ))}
        </ol>
      </div>
      {state.messages.length === 0 && state.status === 'joined' ? <p className="muted">{t('chat.empty')}</p> : null}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="chat-announce">
        {announcement}
      </div>
      {moderator ? (
        <div role="group" aria-label={t('chat.slowMode')} className="segmented">
          {SLOW_MODES.map((s) => (
            <button key={String(s)} type="button" aria-pressed={(state.room?.slowModeSeconds ?? null) === s} onClick={() => void chat.slowMode(s)}>
              {s === null ? t('chat.slowOff') : t('chat.slowSeconds', { seconds: s })}
            </button>
          ))}
        </div>
      ) : null}
      {moderator && state.moderation ? <ModerationList chat={chat} /> : null}
      {mutedUntil ? <p role="status">{t('chat.mutedUntil', { time: new Date(mutedUntil).toLocaleTimeString() })}</p> : null}
      <form onSubmit={submit} className="chat-form">
        <label htmlFor={`${ids}-text`}>{t('chat.message')}</label>
        <textarea id={`${ids}-text`} value={text} maxLength={CHAT_LIMITS.textMaxLength} rows={2} onChange={(e) => setText(e.target.value)} onKeyDown={onKey} aria-describedby={`${ids}-hint`} disabled={state.status !== 'joined'} />
        <p id={`${ids}-hint`} className="muted">
          {t('chat.hint')}
        </p>
        <button type="submit" className="button button--primary" disabled={state.status !== 'joined'}>
          {t('chat.send')}
        </button>
        {state.error && state.status === 'joined' ? <p role="alert">{errorText(t, state.error)}</p> : null}
      </form>
    </section>
  );
}

function MessageItem({ message: m, mine, moderator, chat }: { message: ChatMessage; mine: boolean; moderator: boolean; chat: ReturnType<typeof useChat> }) {
  const { t } = useI18n();
  return (
    <li className="chat-message">
      <span className="chat-message__author">{m.authorName}</span> <time dateTime={new Date(m.at).toISOString()}>{new Date(m.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>{' '}
      {m.deleted ? <em className="muted">{t('chat.deleted')}</em> : <Tokens tokens={m.tokens} />}
      {!m.deleted ? (
        <span className="chat-message__actions">
          {!mine ? (
            <button type="button" className="button button--link" onClick={() => void chat.report(m.id)} aria-label={t('chat.reportOf', { name: m.authorName })}>
              {t('chat.report')}
            </button>
          ) : null}
          {mine || moderator ? (
            <button type="button" className="button button--link" onClick={() => void chat.remove(m.id)} aria-label={t('chat.deleteOf', { name: m.authorName })}>
              {t('chat.delete')}
            </button>
          ) : null}
          {moderator && !mine ? (
            <button type="button" className="button button--link" onClick={() => void chat.mute(m.authorId, MUTE_MINUTES)} aria-label={t('chat.muteOf', { name: m.authorName, minutes: MUTE_MINUTES })}>
              {t('chat.mute')}
            </button>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}

/** Moderators: who is muted (with unmute) and the newest reports with the reported text. */
function ModerationList({ chat }: { chat: ReturnType<typeof useChat> }) {
  const { t } = useI18n();
  const { moderation, messages } = chat.state;
  if (!moderation || (moderation.mutes.length === 0 && moderation.reports.length === 0)) return null;
  const nameOf = (personId: string) => messages.find((m) => m.authorId === personId)?.authorName ?? personId.slice(0, 8);
  const textOf = (messageId: string) => {
    const m = messages.find((x) => x.id === messageId);
    return m ? `${m.authorName}: ${m.deleted ? t('chat.deleted') : m.tokens.map((x) => x.text).join('').slice(0, 120)}` : messageId.slice(0, 8);
  };
  return (
    <div className="chat-moderation">
      {moderation.mutes.length > 0 ? (
        <>
          <h3>{t('chat.mutes')}</h3>
          <ul>
            {moderation.mutes.map((m) => (
              <li key={m.personId}>
                {t('chat.mutedPerson', { name: nameOf(m.personId), time: new Date(m.until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) })}{' '}
                <button type="button" className="button button--link" onClick={() => void chat.unmute(m.personId)} aria-label={t('chat.unmuteOf', { name: nameOf(m.personId) })}>
                  {t('chat.unmute')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {moderation.reports.length > 0 ? (
        <>
          <h3>{t('chat.reports')}</h3>
          <ul>
            {moderation.reports.map((r) => (
              <li key={`${r.messageId}-${r.reporterId}`}>
                {t('chat.reportedBy', { name: r.reporterName, text: textOf(r.messageId) })}
                {r.reason ? ` (${r.reason})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** Text stays text (React escapes it); links only as http(s) tokens from the server, marked as user content. */
function Tokens({ tokens }: { tokens: ChatToken[] }) {
  return (
    <span className="chat-message__text">
      {tokens.map((token, i) =>
        token.kind === 'link' ? (
          <a key={i} href={token.href} rel="noopener noreferrer nofollow ugc" target="_blank">
            {token.text}
          </a>
        ) : (
          <span key={i}>{token.text}</span>
        ),
      )}
    </span>
  );
}

function errorText(t: (k: MessageKey, v?: Record<string, string | number>) => string, error: ErrorBody | null): string {
  if (!error) return '';
  const reason = error.details?.reason;
  if (reason === 'CHAT_MUTED') return t('chat.error.muted');
  if (reason === 'CHAT_SLOW_MODE') return t('chat.error.slow', { seconds: Math.ceil(Number(error.details?.retryAfterMs ?? 0) / 1000) });
  const known = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'UNAVAILABLE', 'VALIDATION'];
  return known.includes(error.code) ? t(`error.${error.code}` as MessageKey) : t('error.generic', { message: error.message });
}
