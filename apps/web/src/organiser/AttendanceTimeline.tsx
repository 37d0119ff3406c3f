import { useState } from 'react';
import { loadAttendanceTimeline } from '../api/organiser';
import type { SessionView } from '../api/programme';
import { useFormat } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote, Loading, useAsync } from '../ui/Async';

const WIDTHS = [5, 15, 60];

/** One session's attendance over time, as a table (screen readers read it) with bars for the eye. */
export function AttendanceTimeline({ sessions, zone }: { sessions: SessionView[]; zone: string | undefined }) {
  const { t } = useI18n();
  const f = useFormat(zone);
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const [minutes, setMinutes] = useState(15);
  const timeline = useAsync((signal) => (sessionId ? loadAttendanceTimeline(sessionId, minutes, signal) : Promise.resolve(null)), [sessionId, minutes]);
  const buckets = timeline.data?.buckets ?? [];
  const most = Math.max(1, ...buckets.map((b) => b.unique));
  return (
    <section aria-labelledby="org-attendance-timeline" className="panel">
      <h2 id="org-attendance-timeline">{t('org.attendance.timeline')}</h2>
      <div className="form-row">
        <label htmlFor="att-session">{t('org.attendance.session')}</label>
        <select id="att-session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="att-minutes">{t('org.attendance.bucket')}</label>
        <select id="att-minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {WIDTHS.map((m) => (
            <option key={m} value={m}>
              {t('org.attendance.minutes', { minutes: m })}
            </option>
          ))}
        </select>
      </div>
      {timeline.loading ? (
        <Loading />
      ) : timeline.error ? (
        <ErrorNote error={timeline.error} onRetry={timeline.reload} />
      ) : buckets.length === 0 ? (
        <p>{t('org.attendance.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="org-attendance-timeline">
          <table className="attendance-timeline">
            <thead>
              <tr>
                <th scope="col">{t('org.attendance.from')}</th>
                <th scope="col">{t('org.attendance.total')}</th>
                <th scope="col">{t('org.attendance.peak')}</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.start}>
                  <th scope="row">{f.time(b.start)}</th>
                  <td>
                    <span className="attendance-bar" aria-hidden="true" style={{ width: `${(b.unique / most) * 8}rem` }} /> {b.unique}
                  </td>
                  <td>{b.peak}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
