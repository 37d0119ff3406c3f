import type { SocketException } from '@podium/contracts';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorText } from '../ui/Async';
import { ExceptionNotice } from '../ui/ExceptionNotice';
import type { LinkStatus as Status } from './useFishbowl';

/** Shows that the live connection is (re)connecting (it recovers by itself), a refusal, and a refused action. */
export function LinkStatus({ status, refusal, exception = null }: { status: Status; refusal: string | null; exception?: SocketException | null }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  // The real reason of the refusal: "please sign in" only when the server said so.
  const refusalText = (code: string) => (code === 'NOT_FOUND' ? t('fishbowl.notFound') : errorText(new ApiError(0, code, code)));
  return (
    <>
      <div role="status" className="link-status" data-status={status}>
        {status === 'reconnecting' && <p className="notice notice--warning">{t('connection.reconnecting')}</p>}
        {status === 'connecting' && <p className="muted small">{t('fishbowl.connecting')}</p>}
        {refusal && <p className="notice notice--error">{refusalText(refusal)}</p>}
      </div>
      <ExceptionNotice exception={exception} />
    </>
  );
}
