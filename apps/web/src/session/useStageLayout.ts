import { useEffect, useRef, useState } from 'react';
import { useRoomInfo } from '@livekit/components-react';
import { DEFAULT_STAGE_LAYOUT, type StageLayout } from '@podium/contracts';
import { layoutOfMetadata } from './stage-layout';

/**
 * The stage layout the moderation chose: the join grant's (fresh on every token) until the room's
 * metadata names one, then each metadata change as LiveKit delivers it. `changed` counts changes
 * after the first, so only real switches are announced.
 */
export function useStageLayout(grantLayout: StageLayout | undefined): { layout: StageLayout; changed: number } {
  const { metadata } = useRoomInfo();
  const fromRoom = layoutOfMetadata(metadata);
  const [layout, setLayout] = useState<StageLayout>(fromRoom ?? grantLayout ?? DEFAULT_STAGE_LAYOUT);
  const [changed, setChanged] = useState(0);
  const first = useRef(true);
  // Whichever source changed last wins: a new grant after a metadata update LiveKit missed, or a live update.
  useEffect(() => {
    if (grantLayout) setLayout(grantLayout);
  }, [grantLayout]);
  useEffect(() => {
    if (fromRoom) setLayout(fromRoom);
  }, [fromRoom]);
  useEffect(() => {
    if (first.current) first.current = false;
    else setChanged((n) => n + 1);
  }, [layout]);
  return { layout, changed };
}
