import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { FishbowlSeatLocation } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { makeFormatters } from '../i18n/format';
import { useErrorText } from '../ui/Async';
import { ApiError } from '../api/http';
import { AskForm } from './AskForm';
import { ChairsList } from './ChairsList';
import { useServerNow } from './clock';
import { InvitationPrompt } from './InvitationPrompt';
import { LinkStatus } from './LinkStatus';
import { myPlace } from './mine';
import { QueueList } from './QueueList';
import { LiveRegions, useAnnouncements } from './useAnnouncements';
import type { FishbowlHandle, SentAck } from './useFishbowl';

interface Props {
  fishbowl: FishbowlHandle;
  personId: string | undefined;
  where: FishbowlSeatLocation;
  /** Mute and camera controls while seated (from the livestream). */
  stageControls?: ReactNode;
  large?: boolean;
}

/** The attendee's fishbowl: chairs, queue, my place; ask, withdraw, accept, decline, leave. */
export function FishbowlPanel({ fishbowl, personId, where, stageControls, large }: Props) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const f = makeFormatters(lang, 'UTC');
  const { view, status, refusal, exception, send, offsetMs } = fishbowl;
  const now = useServerNow(offsetMs);
  const announcements = useAnnouncements(view, personId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const place = myPlace(view, personId);
  // The button the user pressed disappears with the answer: move focus to what replaced it, not to <body>.
  const [focusNext, setFocusNext] = useState<'entry' | 'chair' | null>(null);
  const entryRef = useRef<HTMLParagraphElement>(null);
  const chairRef = useRef<HTMLParagraphElement>(null);
  const movedOffRef = useRef<HTMLParagraphElement>(null);
  // Off the chair (rotated out, removed or left): say so visibly and put focus on the notice, not <body>.
  const seatedNow = !!place.chair;
  const wasSeated = useRef(false);
  const [movedOff, setMovedOff] = useState(false);
  useEffect(() => {
    if (wasSeated.current && !seatedNow) {
      setMovedOff(true);
      requestAnimationFrame(() => movedOffRef.current?.focus());
    }
    if (seatedNow) setMovedOff(false);
    wasSeated.current = seatedNow;
  }, [seatedNow]);
  useEffect(() => {
    const target = focusNext === 'entry' ? entryRef.current : focusNext === 'chair' ? chairRef.current : null;
    if (!target) return;
    target.focus();
    setFocusNext(null);
  }, [focusNext, place.entry, place.chair]);

  const run = async (command: () => Promise<SentAck>, then?: 'entry' | 'chair') => {
    setBusy(true);
    setError(null);
    const ack = await command();
    setBusy(false);
    if (!ack.ok) setError(errorText(new ApiError(0, ack.error.code, ack.error.message)));
    else if (then) setFocusNext(then);
  };

  return (
    <section className={`fishbowl panel${large ? ' is-large' : ''}`} aria-labelledby="fishbowl-heading" data-testid="fishbowl-panel">
      <h2 id="fishbowl-heading">{t('fishbowl.title')}</h2>
      <LinkStatus status={status} refusal={refusal} exception={exception} />
      <LiveRegions {...announcements} />
      {view && (
        <>
          {view.status === 'draft' && <p className="notice">{t('fishbowl.notStarted')}</p>}
          {view.status === 'ended' && <p className="notice">{t('fishbowl.ended')}</p>}
          <div className="my-place" data-testid="my-place">
            {place.chair && (
              <div className="on-air" data-testid="on-air">
                <p className="on-air__badge">
                  <span className="badge badge--live">{t('stage.live')}</span> {t('stage.onAir')}
                </p>
                <p ref={chairRef} tabIndex={-1} data-testid="my-chair">
                  <strong>{t('fishbowl.onChair', { chair: place.chair.index + 1 })}</strong>
                  {place.chair.occupant?.endsAt != null && <> {t('fishbowl.timeLeft', { time: f.clock(place.chair.occupant.endsAt - now) })}</>}
                </p>
                {place.chair.occupant?.warning && <p className="badge badge--delay">{t('fishbowl.timeAlmostUp')}</p>}
                {stageControls}
                <button type="button" className="button--danger" disabled={busy} onClick={() => run(() => send('fishbowl:leave', {}))}>
                  {t('fishbowl.leaveChair')}
                </button>
              </div>
            )}
            {movedOff && !place.chair && (
              <p ref={movedOffRef} tabIndex={-1} role="status" className="notice notice--ok" data-testid="moved-off">
                {t('stage.movedOff')}
              </p>
            )}
            {place.invitation && (
              <InvitationPrompt
                invitation={place.invitation}
                now={now}
                where={where}
                busy={busy}
                onAccept={() => run(() => send('fishbowl:accept', {}), 'chair')}
                onDecline={() => run(() => send('fishbowl:decline', {}))}
              />
            )}
            {place.entry && !place.invitation && (
              <div className="notice">
                <p data-testid="my-position" ref={entryRef} tabIndex={-1}>
                  <strong>{t('fishbowl.yourPosition', { position: place.entry.position })}</strong>{' '}
                  {place.entry.expectedWaitMs > 0 ? t('fishbowl.expectedWait', { time: f.minutes(place.entry.expectedWaitMs) }) : t('fishbowl.soon')}
                </p>
                <button type="button" disabled={busy} onClick={() => run(() => send('fishbowl:withdraw', {}))}>
                  {t('fishbowl.withdraw')}
                </button>
              </div>
            )}
            {!place.chair && !place.invitation && !place.entry && view.status !== 'ended' && (
              personId ? (
                <AskForm where={where} busy={busy} large={large} onAsk={(topic) => run(() => send('fishbowl:ask', topic ? { where, topic } : { where }), 'entry')} />
              ) : (
                <p>{t('fishbowl.signInToAsk')}</p>
              )
            )}
            {error && (
              <p role="alert" className="notice notice--error">
                {error}
              </p>
            )}
          </div>
          <h3>{t('fishbowl.chairs')}</h3>
          <ChairsList chairs={view.chairs} now={now} myId={personId} />
          <h3>{t('fishbowl.queueHeading', { count: view.queueLength })}</h3>
          <QueueList queue={view.queue} total={view.queueLength} myId={personId} />
        </>
      )}
    </section>
  );
}
