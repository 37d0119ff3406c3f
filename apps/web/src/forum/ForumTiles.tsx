import { ParticipantTile, useIsSpeaking, useTracks, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useI18n } from '../i18n/I18nProvider';

/** Everyone connected to the forum's (or my group's) room: their camera, or a placeholder while it is off; who speaks is marked. */
export function ForumTiles() {
  const { t } = useI18n();
  const refs = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  return (
    <section className="forum-tiles" aria-labelledby="forum-tiles-title">
      <h2 id="forum-tiles-title">{t('forum.tiles.title', { count: String(refs.length) })}</h2>
      <ul className="stage__grid">
        {refs.map((ref) => (
          <Tile key={`${ref.participant.identity}-${ref.source}`} trackRef={ref} />
        ))}
      </ul>
    </section>
  );
}

function Tile({ trackRef }: { trackRef: TrackReferenceOrPlaceholder }) {
  const { t } = useI18n();
  const speaking = useIsSpeaking(trackRef.participant);
  const p = trackRef.participant;
  const name = p.name || p.identity;
  return (
    <li className={`stage-tile${speaking ? ' is-speaking' : ''}${p.isLocal ? ' is-local' : ''}`} data-testid="forum-tile" data-name={name} data-source={trackRef.source}>
      <ParticipantTile trackRef={trackRef} disableSpeakingIndicator={false} aria-label={name} />
      <p className="stage-tile__caption">
        <span>{p.isLocal ? t('live.youTile', { name }) : name}</span>
        {!p.isMicrophoneEnabled && <span className="badge">{t('forum.tiles.micOff')}</span>}
        {speaking && <span className="badge badge--speaking">{t('fishbowl.speaking')}</span>}
      </p>
    </li>
  );
}
