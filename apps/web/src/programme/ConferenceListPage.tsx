import { listConferences } from '../api/conferences';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote, Loading, useAsync } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { ConferenceMeta } from './ConferenceMeta';

export function ConferenceListPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useAsync((signal) => listConferences(signal), []);
  return (
    <div className="page">
      <PageTitle title={t('home.title')} lead={t('home.lead')} />
      {error ? <ErrorNote error={error} onRetry={reload} /> : null}
      {loading && !data && <Loading />}
      {data && data.length === 0 && <p>{t('home.none')}</p>}
      {data && data.length > 0 && (
        <ul className="card-list">
          {data.map((c) => (
            <li key={c.id} className="card">
              <h2 className="h3">
                <Link to={paths.programme(c.slug)}>{c.title}</Link>
              </h2>
              <ConferenceMeta conference={c} />
              {c.description && <p>{c.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
