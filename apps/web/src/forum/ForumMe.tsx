import { TrackToggle, useMaybeRoomContext } from '@livekit/components-react';
import { Track } from 'livekit-client';
import type { ForumView } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import type { ForumHandle } from './useForum';

/** My own place: talk or listen, my hand, a moderator's request to unmute, "Sie sind dran". */
export function ForumMe({ view, personId, act }: { view: ForumView; personId: string | undefined; act: ForumHandle['send'] }) {
  const { t } = useI18n();
  const room = useMaybeRoomContext();
  const me = view.participants.find((p) => p.personId === personId);
  const raised = view.hands.some((h) => h.personId === personId);
  const myTurn = view.floor?.personId === personId;
  const asked = !!personId && view.unmuteRequests.includes(personId);
  const slotFree = view.slotsTaken < view.maxPublishers;
  if (!me) return null;
  const answer = async (accepted: boolean) => {
    await act('forum:answer-unmute', { accepted });
    // Only I can switch my microphone on: the request is a question, never a remote switch.
    if (accepted) await room?.localParticipant.setMicrophoneEnabled(true);
  };
  return (
    <section className="forum-me" aria-labelledby="forum-me-title">
      <h2 id="forum-me-title">{t('forum.me.title')}</h2>
      <p role="status">{myTurn ? t('forum.me.yourTurn') : me.right ? t('forum.me.talking') : t('forum.me.listening')}</p>
      {asked && (
        <div role="alert" className="notice">
          <p>{t('forum.me.unmuteAsked')}</p>
          <button type="button" onClick={() => void answer(true)}>{t('forum.me.unmute')}</button>{' '}
          <button type="button" onClick={() => void answer(false)}>{t('forum.me.decline')}</button>
        </div>
      )}
      <div className="actions">
        {me.right && room && (
          <TrackToggle source={Track.Source.Microphone} showIcon={false} className="button">
            {t('forum.me.microphone')}
          </TrackToggle>
        )}{' '}
        {me.right && room && (
          <TrackToggle source={Track.Source.Camera} showIcon={false} className="button">
            {t('forum.me.camera')}
          </TrackToggle>
        )}
        {!me.right && slotFree && (
          <button type="button" onClick={() => void act('forum:take-slot', {})}>{t('forum.me.takeSlot')}</button>
        )}
        {!myTurn &&
          (raised ? (
            <button type="button" onClick={() => void act('forum:lower-hand', {})}>{t('forum.me.lowerHand')}</button>
          ) : (
            <button type="button" onClick={() => void act('forum:raise-hand', {})}>{t('forum.me.raiseHand')}</button>
          ))}
        {myTurn && <button type="button" onClick={() => void act('forum:end-floor', {})}>{t('forum.me.endTurn')}</button>}
      </div>
    </section>
  );
}
