import { useEffect, useRef } from 'react';
import { useSpeakingParticipants } from '@livekit/components-react';
import type { FishbowlView } from '@podium/contracts';
import type { FishbowlHandle } from '../fishbowl/useFishbowl';

const SETTLE_MS = 1500;

/**
 * With the "reported" speaking measure, the moderator's console tells the fishbowl who is speaking,
 * from LiveKit's active speakers (identity = person id), settled so short noises do not count.
 */
export function SpeakingReporter({ fishbowl, view }: { fishbowl: FishbowlHandle; view: FishbowlView }) {
  const speakers = useSpeakingParticipants();
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const speakingIds = new Set(speakers.map((p) => p.identity));
  const key = [...speakingIds].sort().join(',');
  useEffect(() => {
    if (view.settings.speakingMeasure !== 'reported' || view.status !== 'running') return;
    for (const chair of view.chairs) {
      const o = chair.occupant;
      if (!o) continue;
      const speaking = speakingIds.has(o.personId);
      const pending = timers.current.get(o.personId);
      if (speaking === o.speaking) {
        if (pending) clearTimeout(pending);
        timers.current.delete(o.personId);
        continue;
      }
      if (pending) continue;
      timers.current.set(
        o.personId,
        setTimeout(() => {
          timers.current.delete(o.personId);
          void fishbowl.send('fishbowl:speaking', { personId: o.personId, speaking });
        }, SETTLE_MS),
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, view]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  return null;
}
