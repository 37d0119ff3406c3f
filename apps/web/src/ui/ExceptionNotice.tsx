import { useCallback, useEffect, useRef, useState } from 'react';
import type { SocketException } from '@podium/contracts';
import { EXCEPTION_SHOWN_MS, exceptionTextKey } from '../api/exception-text';
import { useI18n } from '../i18n/I18nProvider';

/** The last `exception` of a live connection, cleared after a while (it is about one action). */
export function useSocketException(): [SocketException | null, (exception: SocketException) => void] {
  const [exception, setException] = useState<SocketException | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const show = useCallback((next: SocketException) => {
    clearTimeout(timer.current);
    setException(next);
    timer.current = setTimeout(() => setException(null), EXCEPTION_SHOWN_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return [exception, show];
}

/** A polite, translated line for a refused live action. */
export function ExceptionNotice({ exception }: { exception: SocketException | null }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" data-testid="socket-exception">
      {exception && <p className="notice notice--warning">{t(exceptionTextKey(exception))}</p>}
    </div>
  );
}
