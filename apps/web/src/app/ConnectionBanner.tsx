import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** The browser lost its network: say so; the live parts reconnect on their own. */
export function ConnectionBanner() {
  const { t } = useI18n();
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return (
    <div role="status" className="banner-slot">
      {!online && <p className="banner banner--warning">{t('connection.offline')}</p>}
    </div>
  );
}
