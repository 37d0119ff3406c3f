import { useLocalParticipant } from '@livekit/components-react';
import { useI18n } from '../i18n/I18nProvider';

/** Microphone and camera state of the seated person, in words and icons (not only as button fill). */
export function OnAirMedia() {
  const { t } = useI18n();
  const { isMicrophoneEnabled, isCameraEnabled } = useLocalParticipant();
  return (
    <ul className="on-air__media" data-testid="on-air-media">
      <li className={isMicrophoneEnabled ? 'is-on' : 'is-off'}>
        <span aria-hidden="true">{isMicrophoneEnabled ? '🎙' : '🔇'}</span> {t(isMicrophoneEnabled ? 'stage.micOn' : 'stage.micOff')}
      </li>
      <li className={isCameraEnabled ? 'is-on' : 'is-off'}>
        <span aria-hidden="true">{isCameraEnabled ? '📷' : '🚫'}</span> {t(isCameraEnabled ? 'stage.cameraOn' : 'stage.cameraOff')}
      </li>
    </ul>
  );
}
