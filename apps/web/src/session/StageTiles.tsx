import { useRef } from 'react';
import { ParticipantTile, useIsSpeaking, useSpeakingParticipants, useTracks, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { Track } from 'livekit-client';
import type { StageLayout } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { arrangeStage } from './stage-layout';

const onStage = (ref: TrackReferenceOrPlaceholder) =>
  (ref.participant.attributes?.stage === 'true' || (ref.publication !== undefined && !ref.publication.isMuted) || ref.participant.isCameraEnabled) &&
  !ref.participant.attributes?.['podium.interpretation']; // spoken interpreters are heard on their channel, not seen

/** For the chosen layout: the chairs' order (person ids) and each person's function for the lower third. */
export interface StageCast {
  chairOrder: readonly string[];
  functionOf(personId: string): string | null;
}

interface Props {
  pinnedAsPip?: boolean;
  /** The layout every viewer (and the console's preview) sees; without one (the green room) all tiles form one grid. */
  layout?: StageLayout;
  cast?: StageCast;
}

/** Everyone on stage: the interpreter pinned first (or left to the picture-in-picture), then the others arranged by the layout; the active speaker is marked. */
export function StageTiles({ pinnedAsPip = false, layout, cast }: Props) {
  const { t } = useI18n();
  const refs = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  ).filter(onStage);
  const speaking = useSpeakingParticipants();
  const lastSpeaker = useRef<string | null>(null);
  if (speaking[0]) lastSpeaker.current = speaking[0].identity;
  const pinned = pinnedAsPip ? [] : refs.filter((r) => r.participant.attributes?.pinned === 'true');
  const others = refs.filter((r) => r.participant.attributes?.pinned !== 'true');
  const speakingIds = new Set(speaking.map((p) => p.identity));
  const tiles = others.map((ref) => ({ ref, identity: ref.participant.identity, screen: ref.source === Track.Source.ScreenShare, speaking: speakingIds.has(ref.participant.identity) }));
  const arranged = layout ? arrangeStage(tiles, layout, cast?.chairOrder ?? [], lastSpeaker.current) : { main: [], strip: tiles };
  const tile = (x: (typeof tiles)[number], size: 'large' | 'small') => (
    <Tile key={`${x.identity}-${x.ref.source}`} trackRef={x.ref} size={size} lowerThird={layout === 'panel' ? (cast?.functionOf(x.identity) ?? '') : undefined} />
  );
  return (
    <div className={`stage${layout ? ` stage--${layout}` : ''}`} data-testid="stage" data-layout={layout}>
      {refs.length === 0 && <p className="stage__empty">{t('live.stageEmpty')}</p>}
      {pinned.length > 0 && (
        <ul className="stage__pinned" aria-label={t('live.interpreter')}>
          {pinned.map((ref) => (
            <Tile key={`${ref.participant.identity}-${ref.source}`} trackRef={ref} pinned />
          ))}
        </ul>
      )}
      {arranged.main.length > 0 && (
        <ul className="stage__main" aria-label={t(layout === 'presentation' ? 'layout.region.presentation' : layout === 'panel' ? 'layout.region.panel' : 'layout.region.speaker')}>
          {arranged.main.map((x) => tile(x, 'large'))}
        </ul>
      )}
      {arranged.strip.length > 0 && (
        <ul className={layout ? 'stage__strip' : 'stage__grid'} aria-label={t(layout ? 'layout.region.others' : 'live.onStage')}>
          {arranged.strip.map((x) => tile(x, 'small'))}
        </ul>
      )}
    </div>
  );
}

function Tile({ trackRef, pinned, size, lowerThird }: { trackRef: TrackReferenceOrPlaceholder; pinned?: boolean; size?: 'large' | 'small'; lowerThird?: string }) {
  const { t } = useI18n();
  const speaking = useIsSpeaking(trackRef.participant);
  const p = trackRef.participant;
  const name = p.name || p.identity;
  const screen = trackRef.source === Track.Source.ScreenShare;
  return (
    <li
      className={`stage-tile${speaking ? ' is-speaking' : ''}${pinned ? ' is-pinned' : ''}${p.isLocal ? ' is-local' : ''}${size ? ` stage-tile--${size}` : ''}`}
      data-testid="stage-tile"
      data-identity={p.identity}
      data-name={name}
      data-source={trackRef.source}
      data-size={size}
    >
      <ParticipantTile trackRef={trackRef} disableSpeakingIndicator={false} aria-label={screen ? t('layout.screenOf', { name }) : name} />
      {lowerThird !== undefined ? (
        <p className="stage-tile__lower-third">
          <span className="stage-tile__name">{p.isLocal ? t('live.youTile', { name }) : name}</span>
          {lowerThird && <span className="stage-tile__function">{lowerThird}</span>}
          {speaking && <span className="badge badge--speaking">{t('fishbowl.speaking')}</span>}
        </p>
      ) : (
        <p className="stage-tile__caption">
          <span>{screen ? t('layout.screenOf', { name }) : p.isLocal ? t('live.youTile', { name }) : name}</span>
          {pinned && <span className="badge">{t('live.interpreterBadge')}</span>}
          {speaking && <span className="badge badge--speaking">{t('fishbowl.speaking')}</span>}
        </p>
      )}
    </li>
  );
}
