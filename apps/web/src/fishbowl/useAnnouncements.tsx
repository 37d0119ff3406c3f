import { useEffect, useRef, useState } from 'react';
import type { FishbowlView } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { myPlace } from './mine';

export interface Announcements {
  /** Polite: queue position and similar. */
  polite: string;
  /** Assertive: an invitation, a time warning. */
  urgent: string;
}

/** Turns changes of my place in the fishbowl into sentences for screen-reader live regions. */
export function useAnnouncements(view: FishbowlView | null, personId: string | undefined): Announcements {
  const { t } = useI18n();
  const [out, setOut] = useState<Announcements>({ polite: '', urgent: '' });
  const prev = useRef<{ position: number | null; invited: boolean; seated: boolean; warning: boolean }>({ position: null, invited: false, seated: false, warning: false });

  useEffect(() => {
    if (!view) return;
    const place = myPlace(view, personId);
    const now = { position: place.entry?.position ?? null, invited: !!place.invitation, seated: !!place.chair, warning: !!place.chair?.occupant?.warning };
    const before = prev.current;
    prev.current = now;
    if (now.invited && !before.invited) setOut((o) => ({ ...o, urgent: t('fishbowl.announce.invited', { seconds: Math.round(place.invitation!.timeLeftMs / 1000) }) }));
    else if (now.warning && !before.warning) setOut((o) => ({ ...o, urgent: t('fishbowl.announce.timeWarning') }));
    if (now.seated && !before.seated) setOut((o) => ({ ...o, polite: t('fishbowl.announce.seated', { chair: place.chair!.index + 1 }) }));
    else if (!now.seated && before.seated) setOut((o) => ({ ...o, polite: t('fishbowl.announce.leftChair') }));
    else if (now.position !== null && now.position !== before.position) setOut((o) => ({ ...o, polite: t('fishbowl.announce.position', { position: now.position! }) }));
    else if (now.position === null && before.position !== null && !now.invited) setOut((o) => ({ ...o, polite: t('fishbowl.announce.notQueued') }));
  }, [view, personId, t]);

  return out;
}

export function LiveRegions({ polite, urgent }: Announcements) {
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announce-polite">
        {polite}
      </div>
      <div className="visually-hidden" role="alert" aria-live="assertive" data-testid="announce-urgent">
        {urgent}
      </div>
    </>
  );
}
