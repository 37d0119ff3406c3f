import { lazy, Suspense } from 'react';
import { paths } from '../app/router';
import { canModerate, useAuth } from '../auth/AuthProvider';
import { GuestInline } from '../auth/GuestInline';
import { ChatPanel } from '../chat/ChatPanel';
import { FishbowlPanel } from '../fishbowl/FishbowlPanel';
import { PollsPanel, ReactionsBar } from '../polls';
import { useFishbowl } from '../fishbowl/useFishbowl';
import { useI18n } from '../i18n/I18nProvider';
import { useProgramme } from '../programme/useProgramme';
import { PageTitle } from '../ui/PageTitle';
import { HallQr } from './HallQr';
import { ParticipationTabs } from '../session/ParticipationTabs';
import { QuestionsPanel } from '../questions/QuestionsPanel';
import { useQuestions } from '../questions/useQuestions';

// Captions and interpretation connect to LiveKit: loaded only once signed in, so the shared entry stays free of livekit-client.
const HallCaptions = lazy(() => import('../captions/HallCaptions').then((m) => ({ default: m.HallCaptions })));
const HallInterpretation = lazy(() => import('../interpretation/HallInterpretation').then((m) => ({ default: m.HallInterpretation })));

/**
 * Hall mode: the fishbowl queue on a phone in the hall, without video, with large touch targets; the same
 * "Fishbowl · Fragen · Chat · Umfragen" tabs as the live page (questions and ballots marked as from the hall).
 */
export function HallPage({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useI18n();
  const { session, me, rolesIn } = useAuth();
  const programme = useProgramme(slug);
  const info = programme.data?.sessions.find((s) => s.id === sessionId);
  // As on the live page: a talk or panel has no fishbowl tab.
  const isFishbowl = info ? info.kind === 'fishbowl' : true;
  const fishbowl = useFishbowl(sessionId, isFishbowl ? (session?.token ?? null) : null);
  const questions = useQuestions(sessionId, session?.token ?? null);
  const url = `${location.origin}${paths.hall(slug, sessionId)}`;
  return (
    <div className="page hall-page">
      <PageTitle title={info?.title ?? t('hall.title')} lead={t('hall.lead')} />
      {session ? (
        <ParticipationTabs
          panels={{
            fishbowl: isFishbowl ? <FishbowlPanel fishbowl={fishbowl} personId={me?.person.id} where="hall" large /> : undefined,
            questions: <QuestionsPanel questions={questions} origin="hall" />,
            chat: <ChatPanel roomId={`session:${sessionId}`} token={session.token} personId={me?.person.id} />,
            polls: <PollsPanel sessionId={sessionId} token={session.token} mode="hall" />,
          }}
        />
      ) : (
        <GuestInline slug={slug} />
      )}
      {session && (
        <Suspense fallback={null}>
          <HallCaptions sessionId={sessionId} />
        </Suspense>
      )}
      {session && <ReactionsBar sessionId={sessionId} token={session.token} />}
      {session && (
        <Suspense fallback={null}>
          <HallInterpretation sessionId={sessionId} />
        </Suspense>
      )}
      <details className="hall-share" open={canModerate(rolesIn(slug))}>
        <summary>{t('hall.showQr')}</summary>
        <HallQr url={url} />
      </details>
    </div>
  );
}
