import { useCallback, useEffect, useState } from 'react';
import { listBooths, type BoothSummary } from '../api/market';
import { Link, paths } from '../app/router';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { BoothPanel } from './BoothPanel';

/** How often the market page asks again how busy the booths are. */
const REFRESH_MS = 5000;

/** Markt der Möglichkeiten: which booths are open, who staffs them, how busy; visit one. */
export function MarketPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const [booths, setBooths] = useState<BoothSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const load = useCallback(() => listBooths(slug).then(setBooths, setError), [slug]);

  useEffect(() => {
    if (!session) return;
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [session, load]);

  if (!session) {
    return (
      <div className="page">
        <PageTitle title={t('market.title')} />
        <p>
          {t('live.signInFirst')} <Link to={paths.guest(slug, paths.market(slug))}>{t('guest.title')}</Link>
        </p>
      </div>
    );
  }
  const booth = booths?.find((b) => b.id === current);
  return (
    <div className="page market-page">
      <PageTitle title={t('market.title')} lead={t('market.lead')} />
      {error !== null && <ErrorNote error={error} onRetry={() => void load()} />}
      {booth && <BoothPanel slug={slug} booth={booth} onClose={() => { setCurrent(null); void load(); }} />}
      {booths && booths.length === 0 && <p>{t('market.none')}</p>}
      <ul className="market-booths">
        {booths?.map((b) => (
          <li key={b.id}>
            <h2>{b.name}</h2>
            {b.logoUrl && <img src={b.logoUrl} alt={t('market.logo', { name: b.name })} width={64} height={64} />}
            {b.description && <p>{b.description}</p>}
            <p role="status">
              {b.open ? t('market.open', { staff: b.staffPresent.join(', ') }) : t('market.closed')}{' '}
              {t('market.busy', { visitors: String(b.visitors), capacity: String(b.capacity), queue: String(b.queue) })}
            </p>
            {b.links.length > 0 && (
              <ul>
                {b.links.map((l) => (
                  <li key={l.url}>
                    <a href={l.url} rel="noopener noreferrer" target="_blank">{l.label}</a>
                  </li>
                ))}
              </ul>
            )}
            <button type="button" onClick={() => setCurrent(b.id)} aria-label={t('market.goTo', { name: b.name })}>
              {t('market.visit')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
