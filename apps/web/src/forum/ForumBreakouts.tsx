import { useEffect, useState, type FormEvent } from 'react';
import { FORUM_LIMITS, type ForumView } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { speakingTime, type ForumHandle } from './useForum';

/** Time left until `endsAt` on the server's clock, updated every second. */
function useTimeLeft(endsAt: number, serverNow: number): number {
  const [offset] = useState(() => serverNow - Date.now());
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [offset]);
  return Math.max(0, endsAt - now);
}

/** Breakout groups: mine with the time left and the moderators' message; moderators open, message and end them. */
export function ForumBreakouts({ view, personId, moderator, act }: { view: ForumView; personId: string | undefined; moderator: boolean; act: ForumHandle['send'] }) {
  const { t } = useI18n();
  const [size, setSize] = useState('3');
  const [minutes, setMinutes] = useState('15');
  const [message, setMessage] = useState('');
  const breakout = view.breakout;
  const left = useTimeLeft(breakout?.endsAt ?? 0, view.now);
  const mine = breakout?.groups.find((g) => g.members.some((m) => m.personId === personId));
  if (!breakout && !moderator) return null;

  const open = (e: FormEvent) => {
    e.preventDefault();
    void act('forum:open-breakouts', { groupSize: Number(size), durationSeconds: Math.round(Number(minutes) * 60) });
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    void act('forum:broadcast', { message }).then((ack) => ack.ok && setMessage(''));
  };
  return (
    <section aria-labelledby="forum-breakouts-title">
      <h2 id="forum-breakouts-title">{t('forum.breakouts.title')}</h2>
      {breakout ? (
        <>
          <p role="timer" aria-live="off">{t('forum.breakouts.left', { time: speakingTime(left) })}</p>
          {breakout.message && <p role="status" className="notice">{t('forum.breakouts.message', { message: breakout.message })}</p>}
          {mine && (
            <p>
              {t('forum.breakouts.mine', { group: mine.id.slice(1), names: mine.members.filter((m) => m.personId !== personId).map((m) => m.displayName).join(', ') || '–' })}
            </p>
          )}
          {moderator && (
            <>
              <ul>
                {breakout.groups.map((g) => (
                  <li key={g.id}>{t('forum.breakouts.group', { group: g.id.slice(1), names: g.members.map((m) => m.displayName).join(', ') })}</li>
                ))}
              </ul>
              <form onSubmit={send} className="inline-form">
                <label htmlFor="forum-broadcast">{t('forum.breakouts.broadcast')}</label>{' '}
                <input id="forum-broadcast" value={message} maxLength={FORUM_LIMITS.messageMaxLength} onChange={(e) => setMessage(e.target.value)} />{' '}
                <button type="submit">{t('forum.breakouts.send')}</button>
              </form>
              <button type="button" onClick={() => void act('forum:close-breakouts', {})}>{t('forum.breakouts.close')}</button>
            </>
          )}
        </>
      ) : (
        <form onSubmit={open} className="inline-form">
          <label htmlFor="forum-group-size">{t('forum.breakouts.size')}</label>{' '}
          <input id="forum-group-size" type="number" min={FORUM_LIMITS.minGroupSize} max={FORUM_LIMITS.maxGroupSize} value={size} onChange={(e) => setSize(e.target.value)} />{' '}
          <label htmlFor="forum-group-minutes">{t('forum.breakouts.minutes')}</label>{' '}
          <input id="forum-group-minutes" type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />{' '}
          <button type="submit">{t('forum.breakouts.open')}</button>
        </form>
      )}
    </section>
  );
}
