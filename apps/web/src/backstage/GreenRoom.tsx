import { LiveKitRoom, RoomAudioRenderer } from '@livekit/components-react';
import { useI18n } from '../i18n/I18nProvider';
import { MediaStatus } from '../session/MediaStatus';
import { StageControls } from '../session/StagePublisher';
import { StageTiles } from '../session/StageTiles';
import { useJoinGrant } from '../session/useJoinGrant';
import { ErrorNote } from '../ui/Async';

/** The backstage room: speakers see and hear each other (and the moderator) before going live. */
export function GreenRoom({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const { grant, error, renew } = useJoinGrant(sessionId, true, 'backstage');
  if (error && !grant) return <ErrorNote error={error} onRetry={renew} />;
  if (!grant) return <p className="muted">{t('live.connecting')}</p>;
  return (
    <section aria-labelledby="green-room-heading" className="panel" data-testid="green-room">
      <h2 id="green-room-heading">{t('backstage.greenRoom')}</h2>
      <LiveKitRoom serverUrl={grant.url} token={grant.token} connect audio video options={{ adaptiveStream: true, dynacast: true }}>
        <MediaStatus />
        <StageTiles />
        <RoomAudioRenderer />
        <StageControls />
      </LiveKitRoom>
    </section>
  );
}
