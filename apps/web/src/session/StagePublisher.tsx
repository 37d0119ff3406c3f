import { TrackToggle, useLocalParticipant, useParticipantAttributes } from '@livekit/components-react';
import { INTERPRETATION_ATTRIBUTES } from '@podium/contracts';
import { Track, type LocalParticipant } from 'livekit-client';
import { useI18n } from '../i18n/I18nProvider';
import { useCanPublish, usePublishWhenConnected, type Publishing } from '../media/usePublishWhenConnected';

/**
 * Camera and microphone each on their own: a missing microphone must not keep the camera off. Off air means
 * unpublished and stopped, not muted: viewers no longer see a dark tile of someone who left, and the camera's light
 * goes out.
 */
const STAGE_MEDIA: Publishing = {
  publish: (p: LocalParticipant) =>
    Promise.all([p.setMicrophoneEnabled(true).catch(() => undefined), p.setCameraEnabled(true).catch(() => undefined)]),
  unpublish: (p: LocalParticipant) =>
    Promise.all(
      [Track.Source.Camera, Track.Source.Microphone].map((source) => {
        const track = p.getTrackPublication(source)?.track;
        return track ? p.unpublishTrack(track, true) : undefined;
      }),
    ),
};

/**
 * Publishes camera and microphone while `wanted` holds (seated in the fishbowl, or going live from backstage) and
 * LiveKit grants publishing; the grant arrives after the fishbowl seats someone, and publishing before it would be
 * refused (403). Returns whether LiveKit grants publishing.
 */
export function useStagePublishing(wanted: boolean): boolean {
  const { localParticipant } = useLocalParticipant();
  // A spoken-language interpreter is heard on their channel (the booth publishes it), never on the floor's microphone.
  const { attributes } = useParticipantAttributes({ participant: localParticipant });
  return usePublishWhenConnected(wanted && !attributes?.[INTERPRETATION_ATTRIBUTES.channel], STAGE_MEDIA);
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
