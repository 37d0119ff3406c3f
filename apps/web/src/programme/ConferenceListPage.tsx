import { listConferences } from '../api/conferences';
import { useAuth } from '../auth/AuthProvider';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote, Loading, useAsync } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { ConferenceMeta } from './ConferenceMeta';

export function ConferenceListPage() {
  const { t } = useI18n();
  const { me, rolesIn } = useAuth();
  const { data, error, loading, reload } = useAsync((signal) => listConferences(signal), []);
  return (
    <div className="page">
      <PageTitle title={t('home.title')} lead={t('home.lead')} />
      {error ? <ErrorNote error={error} onRetry={reload} /> : null}
      {loading && !data && <Loading />}
      {data && data.length === 0 && <p>{t('home.none')}</p>}
      {/* The way into organisation: organisers get a link per conference; everyone else learns how to get one. */}
      {!me && <p className="muted">{t('home.organiseHint')}</p>}
      {data && data.length > 0 && (
        <ul className="card-list">
          {data.map((c) => (
            <li key={c.id} className="card">
              <h2 className="h3">
                <Link to={paths.programme(c.slug)}>{c.title}</Link>
              </h2>
              <ConferenceMeta conference={c} />
              {c.description && <p>{c.description}</p>}
              {rolesIn(c.slug).has('organiser') && (
                <p>
                  <Link to={paths.organise(c.slug)}>
                    {t('home.organise')}
                    <span className="visually-hidden">: {c.title}</span>
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
