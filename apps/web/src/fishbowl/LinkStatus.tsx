import { useI18n } from '../i18n/I18nProvider';
import type { LinkStatus as Status } from './useFishbowl';

/** Shows that the live connection is (re)connecting; it recovers by itself. */
export function LinkStatus({ status, refusal }: { status: Status; refusal: string | null }) {
  const { t } = useI18n();
  return (
    <div role="status" className="link-status" data-status={status}>
      {status === 'reconnecting' && <p className="notice notice--warning">{t('connection.reconnecting')}</p>}
      {status === 'connecting' && <p className="muted small">{t('fishbowl.connecting')}</p>}
      {refusal && <p className="notice notice--error">{t(refusal === 'FORBIDDEN' ? 'error.FORBIDDEN' : refusal === 'NOT_FOUND' ? 'fishbowl.notFound' : 'error.UNAUTHENTICATED')}</p>}
    </div>
  );
}
