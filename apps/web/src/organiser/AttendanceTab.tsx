import { ApiError } from '../api/http';
import { loadAttendance, type Attendance } from '../api/organiser';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { useFormat } from '../i18n/format';
import { byStart, shownStart } from '../programme/helpers';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote, Loading, useAsync } from '../ui/Async';
import { AttendanceTimeline } from './AttendanceTimeline';

/** Live count, peak and unique attendees of each session's livestream, and one session's course over time. */
export function AttendanceTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const programme = useProgramme(slug);
  const f = useFormat(programme.data?.conference.timezone);
  const sessions = programme.data ? programme.data.sessions.filter((s) => s.livestream).sort(byStart) : [];
  const ids = sessions.map((s) => s.id).join(',');
  const rows = useAsync(async (signal) => {
    const out = new Map<string, Attendance | null>();
    // One after another: a conference has dozens of sessions, and the rate limits stay calm.
    for (const s of sessions) {
      try {
        out.set(s.id, await loadAttendance(s.id, signal));
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) throw error;
        out.set(s.id, null);
      }
    }
    return out;
  }, [ids]);
  if (programme.loading || rows.loading) return <Loading />;
  if (programme.error || rows.error) return <ErrorNote error={programme.error ?? rows.error} onRetry={rows.reload} />;
  return (
    <>
      <section aria-labelledby="org-attendance" className="panel">
        <h2 id="org-attendance">{t('org.tab.attendance')}</h2>
        {sessions.length === 0 ? (
          <p>{t('org.attendance.none')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="org-attendance">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('org.attendance.session')}</th>
                  <th scope="col">{t('org.attendance.current')}</th>
                  <th scope="col">{t('org.attendance.peak')}</th>
                  <th scope="col">{t('org.attendance.total')}</th>
                  <th scope="col">{t('org.attendance.backstage')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => {
                  const a = rows.data?.get(s.id);
                  return (
                    <tr key={s.id}>
                      <th scope="row">
                        <span className="muted small block">{f.dateTime(shownStart(s))}</span>
                        <Link to={paths.session(slug, s.id)}>{s.title}</Link>
                      </th>
                      <td>{a?.live ?? '–'}</td>
                      <td>{a?.peak ?? '–'}</td>
                      <td>{a?.totalUnique ?? '–'}</td>
                      <td>{a?.backstageLive ?? '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {sessions.length > 0 && <AttendanceTimeline sessions={sessions} zone={programme.data?.conference.timezone} />}
    </>
  );
}
