import { useConnectionState } from '@livekit/components-react';
import { ConnectionState } from 'livekit-client';
import { useI18n } from '../i18n/I18nProvider';

/** LiveKit's own reconnect, made visible. */
export function MediaStatus() {
  const { t } = useI18n();
  const state = useConnectionState();
  const reconnecting = state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting;
  return (
    <div role="status" className="media-status" data-state={state}>
      {reconnecting && <p className="notice notice--warning">{t('connection.reconnecting')}</p>}
      {state === ConnectionState.Connecting && <p className="muted small">{t('live.connecting')}</p>}
    </div>
  );
}
