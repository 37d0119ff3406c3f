import type { SessionView } from '../api/programme';
import { useI18n, type Translate } from '../i18n/I18nProvider';
import type { Formatters } from '../i18n/format';
import { ExceptionNotice } from '../ui/ExceptionNotice';
import { shownStart } from './helpers';
import type { ProgrammeLive } from './useProgramme';

/** "läuft 10 Minuten später" (one minute in the singular). */
export const delayLabel = (t: Translate, minutes: number) => (minutes === 1 ? t('session.delayedOne') : t('session.delayed', { minutes }));

/** What a pushed change means for people, one sentence per session that changed visibly. */
export function describeChange(t: Translate, f: Formatters, live: ProgrammeLive, now: SessionView[]): string[] {
  if (!live.last) return [];
  const before = new Map(live.last.before.sessions.map((s) => [s.id, s]));
  const lines: string[] = [];
  for (const c of live.last.change.sessions) {
    const was = before.get(c.id);
    const is = now.find((s) => s.id === c.id);
    if (!was || !is) continue;
    if (is.status === 'cancelled' && was.status !== 'cancelled') lines.push(t('programme.live.cancelled', { title: is.title }));
    else if (is.status === 'live' && was.status !== 'live') lines.push(t('programme.live.started', { title: is.title }));
    else if (is.delayMinutes !== was.delayMinutes)
      lines.push(
        is.delayMinutes > 0
          ? t('programme.live.delayed', { title: is.title, delay: delayLabel(t, is.delayMinutes), time: f.time(shownStart(is)) })
          : t('programme.live.onTime', { title: is.title, time: f.time(shownStart(is)) }),
      );
  }
  return lines;
}

/** The programme's live link: "reconnecting" while it is down, and what just changed (polite). */
export function ProgrammeLiveStatus({ live, sessions, f }: { live: ProgrammeLive; sessions: SessionView[]; f: Formatters }) {
  const { t } = useI18n();
  const lines = describeChange(t, f, live, sessions);
  return (
    <div className="programme-link" data-status={live.status}>
      <div role="status">
        {live.status === 'reconnecting' && <p className="notice notice--warning">{t('connection.reconnecting')}</p>}
        {/* Unpublished or deleted while open (programme:unavailable), or never visible: the page stops updating. */}
        {live.status === 'refused' && live.refusal === 'NOT_FOUND' && <p className="notice notice--error">{t('programme.live.unavailable')}</p>}
      </div>
      <ExceptionNotice exception={live.exception} />
      <div role="status" aria-live="polite" className="programme-link__changes">
        {lines.length > 0 && (
          <p className="notice notice--warning">
            {lines.map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </p>
        )}
      </div>
    </div>
  );
}
