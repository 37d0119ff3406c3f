import { LiveKitRoom, RoomAudioRenderer, StartAudio, TrackToggle, useConnectionState, useRemoteParticipants, useTracks, VideoTrack, type TrackReference } from '@livekit/components-react';
import { ConnectionState, Track } from 'livekit-client';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { contactCall, speedCall, type CallGrant } from '../api/networking';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';

/** The video call of an accepted contact request or of my speed-networking group: only its people; camera and microphone by choice. */
export function CallPage({ slug, requestId, speedId }: { slug: string; requestId?: string; speedId?: string }) {
  const { t } = useI18n();
  const [grant, setGrant] = useState<CallGrant | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => void (speedId ? speedCall(slug, speedId) : contactCall(slug, requestId!)).then(setGrant, setError), [slug, requestId, speedId]);
  const other = grant?.members.map((m) => m.displayName).join(', ') ?? '…';
  const leave = () => navigate(paths.people(slug));
  const notAccepted = error instanceof ApiError && error.status === 409;

  return (
    <div className="page call-page">
      <PageTitle title={t(speedId ? 'speed.callTitle' : 'call.title', { name: other })} lead={t('call.lead')} />
      {notAccepted ? <p role="status">{t('call.notAccepted')}</p> : error !== null && <ErrorNote error={error} />}
      {!grant && error === null && <p role="status">{t('call.loading')}</p>}
      {grant && (
        <LiveKitRoom serverUrl={grant.url} token={grant.token} connect audio={false} video={false} onError={setError} onDisconnected={leave}>
          <RoomAudioRenderer />
          <StartAudio label={t('live.startAudio')} />
          <CallStatus name={other} />
          <CallVideos />
          <div className="actions">
            <TrackToggle source={Track.Source.Microphone} showIcon={false} className="button">
              {t('call.microphone')}
            </TrackToggle>{' '}
            <TrackToggle source={Track.Source.Camera} showIcon={false} className="button">
              {t('call.camera')}
            </TrackToggle>{' '}
          </div>
        </LiveKitRoom>
      )}
      <button type="button" onClick={leave}>{t('call.leave')}</button>
    </div>
  );
}

/** Connected, and whether the other side is in the room yet: read out when it changes. */
function CallStatus({ name }: { name: string }) {
  const { t } = useI18n();
  const state = useConnectionState();
  const others = useRemoteParticipants();
  if (state !== ConnectionState.Connected) return <p role="status">{t('call.loading')}</p>;
  return <p role="status">{t(others.length > 0 ? 'call.connected' : 'call.waiting', { name })}</p>;
}

/** Every camera in the room, mine included, each labelled with its person. */
function CallVideos() {
  const { t } = useI18n();
  const cameras = useTracks([{ source: Track.Source.Camera, withPlaceholder: false }]).filter((r): r is TrackReference => r.publication !== undefined);
  if (cameras.length === 0) return null;
  return (
    <ul className="call-videos">
      {cameras.map((ref) => (
        <li key={ref.participant.identity}>
          <VideoTrack trackRef={ref} aria-label={t('call.videoOf', { name: ref.participant.name || ref.participant.identity })} />
        </li>
      ))}
    </ul>
  );
}
