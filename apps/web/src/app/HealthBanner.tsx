import { useEffect, useState } from 'react';
import { fetchHealth, type Health } from '../api/health';
import { useI18n } from '../i18n/I18nProvider';

const POLL_MS = 30_000;

/** "Ohne Livestream…" when the api says media is unavailable. */
export function HealthBanner() {
  const { t } = useI18n();
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    let stop = false;
    const poll = () => fetchHealth().then((h) => !stop && h && setHealth(h));
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, []);
  return (
    <div role="status" className="banner-slot">
      {health?.media === 'unavailable' && (
        <p className="banner banner--warning" data-testid="media-banner">
          {t('health.noMedia')}
        </p>
      )}
    </div>
  );
}
