import { LiveKitRoom, RoomAudioRenderer, StartAudio } from '@livekit/components-react';
import { DisconnectReason } from 'livekit-client';
import { Link, paths } from '../app/router';
import { canModerate, useAuth } from '../auth/AuthProvider';
import { ChatPanel } from '../chat/ChatPanel';
import { FishbowlPanel } from '../fishbowl/FishbowlPanel';
import { PollsPanel, ReactionsBar } from '../polls';
import { myPlace } from '../fishbowl/mine';
import { useFishbowl } from '../fishbowl/useFishbowl';
import { useI18n } from '../i18n/I18nProvider';
import { useProgramme } from '../programme/useProgramme';
import { LiveCaptions } from '../captions/Captions';
import { ErrorNote } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { MediaStatus } from './MediaStatus';
import { OnAirMedia } from './OnAirMedia';
import { StageHeader } from './StageHeader';
import { StageControls, useStagePublishing } from './StagePublisher';
import { castOf, LayoutStage } from './LayoutStage';
import { useJoinGrant } from './useJoinGrant';
import { useGoLive } from './useGoLive';
import { LeaveStage } from './LeaveStage';
import { ParticipationTabs } from './ParticipationTabs';
import { QuestionsPanel } from '../questions/QuestionsPanel';
import { useQuestions } from '../questions/useQuestions';
import { Booth } from '../interpretation/Booth';
import { LanguageChoice } from '../interpretation/LanguageChoice';
import { SignLanguagePip } from '../signlanguage/SignLanguagePip';

/** The attendee's session: livestream (stage tiles) and, for fishbowls, the queue panel. */
export function LivePage({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useI18n();
  const { session, me, rolesIn } = useAuth();
  const programme = useProgramme(slug);
  const info = programme.data?.sessions.find((s) => s.id === sessionId);
  const isFishbowl = info ? info.kind === 'fishbowl' : true;
  const fishbowl = useFishbowl(sessionId, isFishbowl && session ? session.token : null);
  const { grant, error, renew } = useJoinGrant(sessionId, !!session);
  const personId = me?.person.id;
  const seated = !!myPlace(fishbowl.view, personId).chair;
  const goLive = useGoLive(sessionId);
  const showPanel = isFishbowl && (fishbowl.view !== null || fishbowl.status !== 'refused');
  const questions = useQuestions(sessionId, session?.token ?? null);

  if (!session) {
    return (
      <div className="page">
        <PageTitle title={info?.title ?? t('live.title')} />
        <p>
          {t('live.signInFirst')} <Link to={paths.guest(slug, paths.live(slug, sessionId))}>{t('guest.title')}</Link>
        </p>
      </div>
    );
  }

  const panel = (withMedia: boolean) => (
    <>
      <ParticipationTabs
        panels={{
          fishbowl: showPanel ? <FishbowlPanel fishbowl={fishbowl} personId={personId} where="remote" stageControls={withMedia ? <><OnAirMedia /><StageControls /></> : undefined} /> : undefined,
          questions: <QuestionsPanel questions={questions} origin="remote" />,
          chat: <ChatPanel roomId={`session:${sessionId}`} token={session.token} personId={personId} />,
          polls: <PollsPanel sessionId={sessionId} token={session.token} mode="remote" />,
        }}
      />
      <ReactionsBar sessionId={sessionId} token={session.token} />
    </>
  );

  return (
    <div className="page live-page">
      <p className="breadcrumb">
        <Link to={paths.session(slug, sessionId)}>{t('live.details')}</Link>
        {canModerate(rolesIn(slug)) && (
          <>
            {' · '}
            <Link to={paths.moderate(slug, sessionId)}>{t('session.moderate')}</Link>
          </>
        )}
        {(canModerate(rolesIn(slug)) || rolesIn(slug).has('captioner')) && (
          <>
            {' · '}
            <Link to={paths.captioning(slug, sessionId)}>{t('captions.console.open')}</Link>
          </>
        )}
      </p>
      <PageTitle title={info?.title ?? t('live.title')} />
      {error && !grant ? <ErrorNote error={error} onRetry={renew} /> : null}
      {grant ? (
        <LiveKitRoom
          serverUrl={grant.url}
          token={grant.token}
          connect
          audio={false}
          video={false}
          options={{ adaptiveStream: true, dynacast: true }}
          connectOptions={{ autoSubscribe: false /* LanguageChoice subscribes: the floor, and only the chosen interpretation channel */ }}
          onDisconnected={(reason) => {
            if (reason !== DisconnectReason.CLIENT_INITIATED && reason !== DisconnectReason.PARTICIPANT_REMOVED) setTimeout(renew, 2000);
          }}
          className="live-layout"
        >
          <div className="live-layout__stage">
            <StageHeader info={info} />
            <MediaStatus />
            <StartAudio label={t('live.startAudio')} className="button button--primary" />
            <LayoutStage grantLayout={grant.layout} cast={castOf(info, programme.data, fishbowl.view)} />
            <SignLanguagePip />
            <LanguageChoice />
            <Booth sessionId={sessionId} />
            <LiveCaptions />
            <RoomAudioRenderer />
            <Publisher want={seated || goLive.live} />
            {!isFishbowl && <StageControls />}
            <LeaveStage slug={slug} sessionId={sessionId} live={goLive.live} onLeave={goLive.leave} />
          </div>
          <div className="live-layout__side">{panel(true)}</div>
        </LiveKitRoom>
      ) : (
        <div className="live-layout">
          <div className="live-layout__stage">{!error && <p className="muted">{t('live.connecting')}</p>}</div>
          <div className="live-layout__side">{panel(false)}</div>
        </div>
      )}
    </div>
  );
}

function Publisher({ want }: { want: boolean }) {
  useStagePublishing(want);
  return null;
}
