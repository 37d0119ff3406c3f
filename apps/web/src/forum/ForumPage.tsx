import { LiveKitRoom, RoomAudioRenderer, StartAudio } from '@livekit/components-react';
import { useEffect, useState } from 'react';
import { joinForum, type ForumJoinGrant } from '../api/forum';
import { Link, paths } from '../app/router';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { ForumBreakouts } from './ForumBreakouts';
import { ForumHands } from './ForumHands';
import { ForumMe } from './ForumMe';
import { ForumPeople } from './ForumPeople';
import { ForumTiles } from './ForumTiles';
import { useForum, type ForumHandle } from './useForum';

/** A forum as a conversation: everyone may talk up to the limit, hands, the floor, moderation. */
export function ForumPage({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useI18n();
  const { session, me } = useAuth();
  const programme = useProgramme(slug);
  const title = programme.data?.sessions.find((s) => s.id === sessionId)?.title ?? t('forum.title');
  const forum = useForum(sessionId, session?.token ?? null);
  const [grant, setGrant] = useState<ForumJoinGrant | null>(null);
  const [mediaError, setMediaError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const personId = me?.person.id;
  const mine = forum.view?.participants.find((p) => p.personId === personId);
  // In a breakout group my token is for the group's room: a new group (or none) means a new token.
  const myGroup = forum.view?.breakout?.groups.find((g) => g.members.some((m) => m.personId === personId))?.id ?? null;

  useEffect(() => {
    if (!session) return;
    joinForum(sessionId).then(setGrant, setMediaError);
  }, [sessionId, session, myGroup]);

  if (!session) {
    return (
      <div className="page">
        <PageTitle title={title} />
        <p>
          {t('live.signInFirst')} <Link to={paths.guest(slug, paths.forum(slug, sessionId))}>{t('guest.title')}</Link>
        </p>
      </div>
    );
  }

  // Every action's refusal is said on the page (role=alert), not swallowed.
  const act: ForumHandle['send'] = async (event, payload) => {
    const ack = await forum.send(event, payload);
    setNotice(ack.ok ? null : t('forum.failed', { message: ack.error.message }));
    return ack;
  };

  return (
    <div className="page forum-page">
      <p className="breadcrumb">
        <Link to={paths.session(slug, sessionId)}>{t('live.details')}</Link>
      </p>
      <PageTitle title={title} lead={t('forum.lead')} />
      {mediaError !== null && <ErrorNote error={mediaError} />}
      {forum.refusal && <p role="alert" className="notice notice--error">{t('forum.refused', { code: forum.refusal })}</p>}
      {notice && <p role="alert" className="notice notice--error">{notice}</p>}
      {grant && (
        <LiveKitRoom key={grant.room} serverUrl={grant.url} token={grant.token} connect audio={false} video={false} onError={setMediaError}>
          <RoomAudioRenderer />
          <StartAudio label={t('live.startAudio')} />
          {forum.view && <ForumMe view={forum.view} personId={personId} act={act} />}
          <ForumTiles />
        </LiveKitRoom>
      )}
      {!grant && forum.view && <ForumMe view={forum.view} personId={personId} act={act} />}
      {forum.view && <ForumBreakouts view={forum.view} personId={personId} moderator={!!mine?.moderator} act={act} />}
      {forum.view && (
        <div className="forum-columns">
          <ForumHands view={forum.view} moderator={!!mine?.moderator} act={act} />
          <ForumPeople view={forum.view} personId={personId} moderator={!!mine?.moderator} act={act} />
        </div>
      )}
    </div>
  );
}
