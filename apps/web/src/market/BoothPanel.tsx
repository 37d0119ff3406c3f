import { LiveKitRoom, RoomAudioRenderer, StartAudio, TrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useCallback, useState, type FormEvent } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { ChatPanel } from '../chat/ChatPanel';
import { boothContacts, inviteNext, leaveBooth, leaveContact, staffBooth, visitBooth, type BoothContact, type BoothPlace, type BoothSummary } from '../api/market';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';
import { useBoothFollow } from './useBoothFollow';

/** One booth: visit (room or queue), leave contact details by choice; staff open it, invite the next, read contacts. */
export function BoothPanel({ slug, booth, onClose }: { slug: string; booth: BoothSummary; onClose(): void }) {
  const { t } = useI18n();
  const { session, me } = useAuth();
  const [place, setPlace] = useState<BoothPlace | null>(null);
  const [asStaff, setAsStaff] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [contact, setContact] = useState('');
  const [sent, setSent] = useState(false);
  const [contacts, setContacts] = useState<BoothContact[] | null>(null);

  const visit = useCallback(() => visitBooth(slug, booth.id).then(setPlace, setError), [slug, booth.id]);
  // While queued, the api pushes my place; when the staff let me in, one visit fetches the room's token.
  useBoothFollow(booth.id, session?.token ?? null, place?.status === 'queued', (live) => {
    if (live.status === 'queued') setPlace({ status: 'queued', position: live.position!, expectedWaitMs: live.expectedWaitMs!, visitors: live.visitors, capacity: live.capacity });
    else if (live.status === 'in') void visit();
  });

  const staff = () => {
    setAsStaff(true);
    staffBooth(slug, booth.id).then(setPlace, setError);
    boothContacts(slug, booth.id).then(setContacts, () => undefined);
  };
  const leave = async () => {
    await leaveBooth(slug, booth.id).catch(() => undefined);
    onClose();
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    leaveContact(slug, booth.id, contact).then(() => setSent(true), setError);
  };

  return (
    <section className="booth" aria-labelledby="booth-title">
      <h2 id="booth-title">{t('market.booth', { name: booth.name })}</h2>
      {error !== null && <ErrorNote error={error} />}
      {!place && (
        <div className="actions">
          <button type="button" onClick={() => void visit()}>{t('market.enter')}</button>{' '}
          <button type="button" onClick={staff}>{t('market.staff')}</button>
        </div>
      )}
      {place?.status === 'queued' && <p role="status">{t('market.queued', { position: String(place.position), minutes: String(Math.ceil(place.expectedWaitMs / 60_000)) })}</p>}
      {place?.status === 'in' && (
        <LiveKitRoom serverUrl={place.url} token={place.token} connect audio={false} video={false} onError={setError}>
          <RoomAudioRenderer />
          <StartAudio label={t('live.startAudio')} />
          <p role="status">{t('market.inside', { visitors: String(place.visitors), capacity: String(place.capacity) })}</p>
          <TrackToggle source={Track.Source.Microphone} showIcon={false} className="button">
            {t('forum.me.microphone')}
          </TrackToggle>
        </LiveKitRoom>
      )}
      {place?.status === 'in' && !asStaff && (
        <form onSubmit={send} className="inline-form">
          <label htmlFor="booth-contact">{t('market.contact')}</label>{' '}
          <input id="booth-contact" value={contact} maxLength={500} onChange={(e) => setContact(e.target.value)} />{' '}
          <button type="submit">{t('market.contactSend')}</button>
          {sent && <p role="status">{t('market.contactSent')}</p>}
        </form>
      )}
      {asStaff && place?.status === 'in' && (
        <div>
          <button type="button" onClick={() => void inviteNext(slug, booth.id).then(() => undefined, setError)}>{t('market.inviteNext')}</button>
          <h3>{t('market.contacts')}</h3>
          {contacts && contacts.length === 0 && <p>{t('market.noContacts')}</p>}
          <ul>
            {contacts?.map((c) => (
              <li key={c.personId}>
                {c.displayName}: {c.contact}
              </li>
            ))}
          </ul>
        </div>
      )}
      {place && <ChatPanel roomId={`booth:${booth.id}`} token={session?.token ?? null} personId={me?.person.id} title={t('market.chat', { name: booth.name })} />}
      <button type="button" onClick={() => void leave()}>{t('market.leave')}</button>
    </section>
  );
}
