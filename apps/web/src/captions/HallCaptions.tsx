import { LiveKitRoom } from '@livekit/components-react';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useJoinGrant } from '../session/useJoinGrant';
import { LiveCaptions } from './Captions';

/**
 * Captions on a phone in the hall: joins the stage room only when asked, and subscribes to no
 * media (autoSubscribe off), so the phone receives the caption text streams and nothing else.
 */
export function HallCaptions({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [wanted, setWanted] = useState(false);
  const { grant } = useJoinGrant(sessionId, wanted);
  return (
    <section className="hall-captions" aria-label={t('captions.region')}>
      <label className="caption-settings__row">
        <input type="checkbox" checked={wanted} onChange={(e) => setWanted(e.target.checked)} /> {t('captions.hall')}
      </label>
      {wanted && grant ? (
        <LiveKitRoom serverUrl={grant.url} token={grant.token} connect audio={false} video={false} connectOptions={{ autoSubscribe: false }}>
          <LiveCaptions />
        </LiveKitRoom>
      ) : null}
    </section>
  );
}
