import { useState } from 'react';
import { useLocalParticipant, useParticipantAttributes } from '@livekit/components-react';
import { createLocalAudioTrack, Track, type LocalAudioTrack } from 'livekit-client';
import { INTERPRETATION_ATTRIBUTES, interpretationTrackName } from '@podium/contracts';
import { goLiveInterpreting } from '../api/interpretation';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';
import { languageName } from './language-name';

/**
 * The interpreter's booth on the live page (only for someone the api gave a spoken channel): send the microphone on
 * the channel's track, and take over from the booth partner. Both partners stay connected; the flag decides who is heard.
 */
export function Booth({ sessionId }: { sessionId: string }) {
  const { t, lang } = useI18n();
  const { localParticipant } = useLocalParticipant();
  const { attributes } = useParticipantAttributes({ participant: localParticipant });
  const channel = attributes?.[INTERPRETATION_ATTRIBUTES.channel];
  const live = attributes?.[INTERPRETATION_ATTRIBUTES.live] === 'true';
  const [track, setTrack] = useState<LocalAudioTrack | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!channel) return null;
  const name = languageName(channel, lang);

  const send = async () => {
    setError(null);
    try {
      if (track) {
        await localParticipant.unpublishTrack(track);
        setTrack(null);
        return;
      }
      const mic = await createLocalAudioTrack({ echoCancellation: true, noiseSuppression: true });
      await localParticipant.publishTrack(mic, { name: interpretationTrackName(channel), source: Track.Source.Microphone });
      setTrack(mic);
    } catch (e) {
      setError(e);
    }
  };
  const takeOver = () => goLiveInterpreting(sessionId).catch(setError);

  return (
    <section className="booth" aria-labelledby="booth-title" data-testid="booth">
      <h2 id="booth-title">{t('interpretation.booth', { language: name })}</h2>
      <p role="status">{live ? t('interpretation.youAreLive') : t('interpretation.youAreQuiet')}</p>
      <div className="actions">
        <button type="button" className="button" aria-pressed={!!track} onClick={() => void send()}>
          {track ? t('interpretation.stopSending') : t('interpretation.send')}
        </button>
        <button type="button" className="button button--primary" disabled={live} onClick={() => void takeOver()}>
          {t('interpretation.takeOver')}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </section>
  );
}
