import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { FishbowlInvitationView, FishbowlSeatLocation } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { makeFormatters } from '../i18n/format';
import type { CheckResult } from '../media/DeviceCheck';

// livekit-client is large: the hall (no video) never loads it.
const DeviceCheck = lazy(() => import('../media/DeviceCheck').then((m) => ({ default: m.DeviceCheck })));

interface Props {
  invitation: FishbowlInvitationView;
  now: number;
  where: FishbowlSeatLocation;
  busy: boolean;
  onAccept(): void;
  onDecline(): void;
}

/** Invited: check camera and microphone (remote), then accept or decline before the time runs out. */
export function InvitationPrompt({ invitation, now, where, busy, onAccept, onDecline }: Props) {
  const { t, lang } = useI18n();
  const f = makeFormatters(lang, 'UTC');
  const [check, setCheck] = useState<CheckResult>(where === 'hall' ? 'ok' : 'pending');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [invitation.invitedAt]);
  const left = Math.max(0, invitation.expiresAt - now);
  return (
    <section className="invitation panel" aria-labelledby="invitation-heading" data-testid="invitation">
      <h2 id="invitation-heading" ref={headingRef} tabIndex={-1}>
        {t('fishbowl.invitation.title', { chair: invitation.chairIndex + 1 })}
      </h2>
      <p className="countdown" aria-hidden="true">
        {t('fishbowl.invitation.timeLeft', { time: f.clock(left) })}
      </p>
      <p className="visually-hidden">{t('fishbowl.invitation.timeLeftSr', { seconds: Math.ceil(invitation.timeLeftMs / 1000) })}</p>
      {where === 'remote' ? (
        <>
          <p>{t('fishbowl.invitation.checkFirst')}</p>
          <Suspense fallback={<p className="muted">{t('device.checking')}</p>}>
            <DeviceCheck onResult={setCheck} compact />
          </Suspense>
        </>
      ) : (
        <p>{t('fishbowl.invitation.walk')}</p>
      )}
      <div className="actions">
        <button type="button" className="button--primary" onClick={onAccept} disabled={busy || check === 'pending' || left <= 0}>
          {check === 'failed' ? t('fishbowl.invitation.acceptAnyway') : t('fishbowl.invitation.accept')}
        </button>
        <button type="button" onClick={onDecline} disabled={busy}>
          {t('fishbowl.invitation.decline')}
        </button>
      </div>
    </section>
  );
}
