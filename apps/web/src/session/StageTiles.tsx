import { ParticipantTile, useIsSpeaking, useTracks, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useI18n } from '../i18n/I18nProvider';

const onStage = (ref: TrackReferenceOrPlaceholder) =>
  (ref.participant.attributes?.stage === 'true' || (ref.publication !== undefined && !ref.publication.isMuted) || ref.participant.isCameraEnabled) &&
  !ref.participant.attributes?.['podium.interpretation']; // spoken interpreters are heard on their channel, not seen

/** Everyone on stage: the interpreter pinned first (or left to the picture-in-picture), then the others; the active speaker is marked. */
export function StageTiles({ pinnedAsPip = false }: { pinnedAsPip?: boolean }) {
  const { t } = useI18n();
  const refs = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  ).filter(onStage);
  const pinned = pinnedAsPip ? [] : refs.filter((r) => r.participant.attributes?.pinned === 'true');
  const others = refs.filter((r) => r.participant.attributes?.pinned !== 'true');
  return (
    <div className="stage" data-testid="stage">
      {refs.length === 0 && <p className="stage__empty">{t('live.stageEmpty')}</p>}
      {pinned.length > 0 && (
        <ul className="stage__pinned" aria-label={t('live.interpreter')}>
          {pinned.map((ref) => (
            <Tile key={`${ref.participant.identity}-${ref.source}`} trackRef={ref} pinned />
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul className="stage__grid" aria-label={t('live.onStage')}>
          {others.map((ref) => (
            <Tile key={`${ref.participant.identity}-${ref.source}`} trackRef={ref} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Tile({ trackRef, pinned }: { trackRef: TrackReferenceOrPlaceholder; pinned?: boolean }) {
  const { t } = useI18n();
  const speaking = useIsSpeaking(trackRef.participant);
  const p = trackRef.participant;
  const name = p.name || p.identity;
  return (
    <li
      className={`stage-tile${speaking ? ' is-speaking' : ''}${pinned ? ' is-pinned' : ''}${p.isLocal ? ' is-local' : ''}`}
      data-testid="stage-tile"
      data-identity={p.identity}
      data-name={name}
      data-source={trackRef.source}
    >
      <ParticipantTile trackRef={trackRef} disableSpeakingIndicator={false} aria-label={name} />
      <p className="stage-tile__caption">
        <span>{p.isLocal ? t('live.youTile', { name }) : name}</span>
        {pinned && <span className="badge">{t('live.interpreterBadge')}</span>}
        {speaking && <span className="badge badge--speaking">{t('fishbowl.speaking')}</span>}
      </p>
    </li>
  );
}
