import { LiveKitRoom, RoomAudioRenderer, StartAudio } from '@livekit/components-react';
import { Link, paths } from '../app/router';
import { canModerate, useAuth } from '../auth/AuthProvider';
import { LinkStatus } from '../fishbowl/LinkStatus';
import { useFishbowl } from '../fishbowl/useFishbowl';
import { useI18n } from '../i18n/I18nProvider';
import { useProgramme } from '../programme/useProgramme';
import { MediaStatus } from '../session/MediaStatus';
import { StageControls } from '../session/StagePublisher';
import { castOf, LayoutStage } from '../session/LayoutStage';
import { useJoinGrant } from '../session/useJoinGrant';
import { ErrorNote } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { FishbowlConsole } from './FishbowlConsole';
import { MinutesExport } from './MinutesExport';
import { NextAction } from './NextAction';
import { RemovedPanel } from './RemovedPanel';
import { SessionControls } from './SessionControls';
import { Shortcuts } from './Shortcuts';
import { SpeakingReporter } from './SpeakingReporter';
import { StagePanel } from './StagePanel';
import { LayoutPanel } from './LayoutPanel';
import { useCommand } from './useCommand';
import { PollsPanel } from '../polls';
import { QuestionModerationPanel } from '../questions/QuestionModerationPanel';
import { useQuestions } from '../questions/useQuestions';

/** The moderator's console: session, chairs, queue, rotation, timers, settings, questions, polls, minutes, stage. */
export function ModeratorPage({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useI18n();
  const { session, rolesIn, loading, me } = useAuth();
  // Live: the session's status (e.g. "Sitzung starten" goes away once it is live) follows the programme.
  const programme = useProgramme(slug, { live: true });
  const info = programme.data?.sessions.find((s) => s.id === sessionId);
  const isFishbowl = info ? info.kind === 'fishbowl' : true;
  const fishbowl = useFishbowl(sessionId, isFishbowl && session ? session.token : null);
  const { grant, error } = useJoinGrant(sessionId, !!session);
  const { busy, message, run } = useCommand();
  const questions = useQuestions(sessionId, session?.token ?? null, 'moderator');
  const view = fishbowl.view;
  const title = info ? t('mod.title', { title: info.title }) : t('mod.titlePlain');

  if (!session || (!loading && !canModerate(rolesIn(slug)) && fishbowl.refusal === 'FORBIDDEN')) {
    return (
      <div className="page">
        <PageTitle title={title} />
        <p className="notice notice--error">{t('mod.notAllowed')}</p>
      </div>
    );
  }

  const stage = (
    <section aria-labelledby="mod-stage-heading" className="panel">
      <h2 id="mod-stage-heading">{t('live.stage')}</h2>
      {grant ? (
        <>
          <MediaStatus />
          <StartAudio label={t('live.startAudio')} className="button button--primary" />
          <LayoutPanel sessionId={sessionId} grantLayout={grant.layout} busy={busy} run={run} />
          {/* The preview follows the chosen layout exactly as the viewers' stage does. */}
          <LayoutStage preview grantLayout={grant.layout} cast={castOf(info, programme.data, view)} />
          <RoomAudioRenderer />
          <StageControls />
          {view && <SpeakingReporter fishbowl={fishbowl} view={view} />}
        </>
      ) : error ? (
        <ErrorNote error={error} />
      ) : (
        <p className="muted">{t('live.connecting')}</p>
      )}
    </section>
  );

  // Two columns on a desktop: stage and chairs | queue, questions and polls; one column on a phone, queue first.
  const body = (
    <div className="console">
      {view && <NextAction fishbowl={fishbowl} view={view} busy={busy} run={run} />}
      <div role="status" aria-live="polite" className="command-result console__result">
        {message && <p className={`notice ${message.kind === 'ok' ? 'notice--ok' : 'notice--error'}`}>{message.text}</p>}
      </div>
      <div className="console__col console__col--stage">
        {stage}
        {view && <FishbowlConsole part="chairs" sessionId={sessionId} fishbowl={fishbowl} view={view} busy={busy} run={run} />}
        <SessionControls sessionId={sessionId} live={info?.status === 'live'} fishbowl={isFishbowl ? fishbowl : null} view={view} busy={busy} run={run} />
        <StagePanel sessionId={sessionId} info={info} programme={programme.data} myId={me?.person.id} busy={busy} run={run} />
        <RemovedPanel sessionId={sessionId} zone={programme.data?.conference.timezone} busy={busy} run={run} />
      </div>
      <div className="console__col console__col--queue">
        {isFishbowl && <LinkStatus status={fishbowl.status} refusal={fishbowl.refusal} exception={fishbowl.exception} />}
        {view && <FishbowlConsole part="queue" sessionId={sessionId} fishbowl={fishbowl} view={view} busy={busy} run={run} />}
        <QuestionModerationPanel questions={questions} />
        {/* The same panel as the live page: a moderator gets the editor, opens and closes polls, sees live results. */}
        <PollsPanel sessionId={sessionId} token={session.token} mode="remote" />
        <MinutesExport sessionId={sessionId} fishbowl={isFishbowl} busy={busy} run={run} />
        {isFishbowl && <Shortcuts />}
      </div>
    </div>
  );

  return (
    <div className="page moderator-page">
      <p className="breadcrumb">
        <Link to={paths.session(slug, sessionId)}>{t('live.details')}</Link> · <Link to={paths.hall(slug, sessionId)}>{t('session.hallMode')}</Link>
      </p>
      <PageTitle title={title} />
      {grant ? (
        <LiveKitRoom serverUrl={grant.url} token={grant.token} connect audio={false} video={false} options={{ adaptiveStream: true, dynacast: true }}>
          {body}
        </LiveKitRoom>
      ) : (
        body
      )}
    </div>
  );
}
