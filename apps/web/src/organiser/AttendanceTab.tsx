import { loadAttendance } from '../api/organiser';
import { useI18n } from '../i18n/I18nProvider';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote, Loading, useAsync } from '../ui/Async';

export function AttendanceTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const programme = useProgramme(slug);
  const { data, error, loading, reload } = useAsync((signal) => loadAttendance(slug, signal), [slug]);
  const rows = data ? (Array.isArray(data) ? data : data.sessions) : [];
  const title = (id: string) => programme.data?.sessions.find((s) => s.id === id)?.title ?? id;
  return (
    <section aria-labelledby="org-attendance" className="panel">
      <h2 id="org-attendance">{t('org.tab.attendance')}</h2>
      {loading && <Loading />}
      {error ? <ErrorNote error={error} onRetry={reload} /> : null}
      {data && rows.length === 0 && <p>{t('org.attendance.none')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('org.tab.attendance')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('org.attendance.session')}</th>
                <th scope="col">{t('org.attendance.current')}</th>
                <th scope="col">{t('org.attendance.peak')}</th>
                <th scope="col">{t('org.attendance.total')}</th>
                <th scope="col">{t('org.attendance.hall')}</th>
                <th scope="col">{t('org.attendance.remote')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.sessionId}>
                  <th scope="row">{r.title ?? title(r.sessionId)}</th>
                  <td>{r.current ?? '–'}</td>
                  <td>{r.peak ?? '–'}</td>
                  <td>{r.total ?? '–'}</td>
                  <td>{r.hall ?? '–'}</td>
                  <td>{r.remote ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
