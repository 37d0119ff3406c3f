import { LiveKitRoom, RoomAudioRenderer, StartAudio } from '@livekit/components-react';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useJoinGrant } from '../session/useJoinGrant';
import { LanguageChoice } from './LanguageChoice';

/**
 * Interpretation on a phone in the hall (with headphones): joins the stage room only when asked, with autoSubscribe
 * off, and plays only the chosen channel: the floor is the room itself.
 */
export function HallInterpretation({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [wanted, setWanted] = useState(false);
  const { grant } = useJoinGrant(sessionId, wanted);
  return (
    <section className="hall-interpretation" aria-label={t('interpretation.choose')} data-testid="hall-interpretation">
      <label className="caption-settings__row">
        <input type="checkbox" checked={wanted} onChange={(e) => setWanted(e.target.checked)} /> {t('interpretation.hall')}
      </label>
      {wanted && grant ? (
        <LiveKitRoom serverUrl={grant.url} token={grant.token} connect audio={false} video={false} connectOptions={{ autoSubscribe: false }}>
          <LanguageChoice hall />
          <StartAudio label={t('live.startAudio')} className="button button--primary" />
          <RoomAudioRenderer />
        </LiveKitRoom>
      ) : null}
    </section>
  );
}
