import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { TrackToggle, useLocalParticipant, useParticipantAttributes, useRoomContext } from '@livekit/components-react';
import { INTERPRETATION_ATTRIBUTES } from '@podium/contracts';
import { ParticipantEvent, Track } from 'livekit-client';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Publishes camera and microphone while `wantOnStage` holds and LiveKit has granted publishing.
 * The grant arrives after the fishbowl seats someone; publishing before it would be refused (403),
 * so this waits for the permission change (see docs/livekit notes) and never publishes early.
 */
/**
 * Whether LiveKit lets me publish, read fresh whenever it changes. Not `useLocalParticipantPermissions`:
 * it takes its first value at render and subscribes later, so a grant arriving in between (a seat and
 * its grant come together) was lost and the controls never showed. `useSyncExternalStore` re-reads
 * the value after subscribing.
 */
export function useCanPublish(): boolean {
  const participant = useRoomContext().localParticipant;
  const subscribe = useCallback(
    (changed: () => void) => {
      participant.on(ParticipantEvent.ParticipantPermissionsChanged, changed);
      return () => {
        participant.off(ParticipantEvent.ParticipantPermissionsChanged, changed);
      };
    },
    [participant],
  );
  return useSyncExternalStore(subscribe, () => !!participant.permissions?.canPublish);
}

export function useStagePublishing(wanted: boolean) {
  const { localParticipant } = useLocalParticipant();
  // A spoken-language interpreter is heard on their channel (the booth publishes it), never on the floor's microphone.
  const { attributes } = useParticipantAttributes({ participant: localParticipant });
  const wantOnStage = wanted && !attributes?.[INTERPRETATION_ATTRIBUTES.channel];
  const canPublish = useCanPublish();
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
  const canPublish = useCanPublish();
  if (!canPublish) return null;
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
