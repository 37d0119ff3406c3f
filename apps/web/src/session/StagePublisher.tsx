import { useEffect, useRef } from 'react';
import { TrackToggle, useLocalParticipant, useLocalParticipantPermissions } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Publishes camera and microphone while `wantOnStage` holds and LiveKit has granted publishing.
 * The grant arrives after the fishbowl seats someone; publishing before it would be refused (403),
 * so this waits for the permission change (see docs/livekit notes) and never publishes early.
 */
export function useStagePublishing(wantOnStage: boolean) {
  const { localParticipant } = useLocalParticipant();
  const permissions = useLocalParticipantPermissions();
  const canPublish = !!permissions?.canPublish;
  const published = useRef(false);
  useEffect(() => {
    if (wantOnStage && canPublish && !published.current) {
      published.current = true;
      void localParticipant.setMicrophoneEnabled(true).catch(() => undefined);
      void localParticipant.setCameraEnabled(true).catch(() => undefined);
    }
    if ((!wantOnStage || !canPublish) && published.current) {
      published.current = false;
      void localParticipant.setCameraEnabled(false).catch(() => undefined);
      void localParticipant.setMicrophoneEnabled(false).catch(() => undefined);
    }
  }, [wantOnStage, canPublish, localParticipant]);
  return canPublish;
}

/** Mute and camera switches for whoever may publish. */
export function StageControls() {
  const { t } = useI18n();
  const permissions = useLocalParticipantPermissions();
  if (!permissions?.canPublish) return null;
  return (
    <div className="actions stage-controls" role="group" aria-label={t('live.myDevices')}>
      <TrackToggle source={Track.Source.Microphone} showIcon={false} className="button">
        {t('live.microphone')}
      </TrackToggle>
      <TrackToggle source={Track.Source.Camera} showIcon={false} className="button">
        {t('live.camera')}
      </TrackToggle>
    </div>
  );
}
