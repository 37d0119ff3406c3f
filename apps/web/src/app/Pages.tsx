import { lazy, Suspense } from 'react';
import { GuestSignInPage } from '../auth/GuestSignInPage';
import { useI18n } from '../i18n/I18nProvider';
import { ConferenceListPage } from '../programme/ConferenceListPage';
import { MyProgrammePage } from '../programme/MyProgrammePage';
import { ProgrammePage } from '../programme/ProgrammePage';
import { SessionDetailsPage } from '../programme/SessionDetailsPage';
import { HallPage } from '../hall/HallPage';
import { ProjectorPage } from '../projector/ProjectorPage';
import { StatementPage } from '../accessibility/StatementPage';
import { PageTitle } from '../ui/PageTitle';
import type { Route } from './router';

// Media pages pull in livekit-client: load them only when needed.
const LivePage = lazy(() => import('../session/LivePage').then((m) => ({ default: m.LivePage })));
const BackstagePage = lazy(() => import('../backstage/BackstagePage').then((m) => ({ default: m.BackstagePage })));
const ModeratorPage = lazy(() => import('../moderator/ModeratorPage').then((m) => ({ default: m.ModeratorPage })));
const CaptioningPage = lazy(() => import('../captions/CaptioningPage').then((m) => ({ default: m.CaptioningPage })));
const ForumPage = lazy(() => import('../forum/ForumPage').then((m) => ({ default: m.ForumPage })));
const MarketPage = lazy(() => import('../market/MarketPage').then((m) => ({ default: m.MarketPage })));
const PeoplePage = lazy(() => import('../networking/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const CallPage = lazy(() => import('../networking/CallPage').then((m) => ({ default: m.CallPage })));
const OrganiserPage = lazy(() => import('../organiser/OrganiserPage').then((m) => ({ default: m.OrganiserPage })));

export function Pages({ route }: { route: Route }) {
  const { t } = useI18n();
  const loading = <p role="status">{t('common.loading')}</p>;
  switch (route.name) {
    case 'home':
      return <ConferenceListPage />;
    case 'programme':
      return <ProgrammePage slug={route.slug} />;
    case 'my-programme':
      return <MyProgrammePage slug={route.slug} />;
    case 'session':
      return <SessionDetailsPage slug={route.slug} sessionId={route.sessionId} />;
    case 'guest':
      return <GuestSignInPage slug={route.slug} next={route.next} />;
    case 'accessibility':
      return <StatementPage slug={route.slug} />;
    case 'hall':
      return <HallPage slug={route.slug} sessionId={route.sessionId} />;
    case 'projector':
      return <ProjectorPage slug={route.slug} sessionId={route.sessionId} />;
    case 'live':
      return (
        <Suspense fallback={loading}>
          <LivePage key={route.sessionId} slug={route.slug} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'backstage':
      return (
        <Suspense fallback={loading}>
          <BackstagePage key={route.sessionId} slug={route.slug} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'moderate':
      return (
        <Suspense fallback={loading}>
          <ModeratorPage key={route.sessionId} slug={route.slug} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'captioning':
      return (
        <Suspense fallback={loading}>
          <CaptioningPage key={route.sessionId} slug={route.slug} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'forum':
      return (
        <Suspense fallback={loading}>
          <ForumPage key={route.sessionId} slug={route.slug} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'market':
      return (
        <Suspense fallback={loading}>
          <MarketPage slug={route.slug} />
        </Suspense>
      );
    case 'people':
      return (
        <Suspense fallback={loading}>
          <PeoplePage slug={route.slug} />
        </Suspense>
      );
    case 'contact-call':
      return (
        <Suspense fallback={loading}>
          <CallPage slug={route.slug} requestId={route.requestId} />
        </Suspense>
      );
    case 'speed-call':
      return (
        <Suspense fallback={loading}>
          <CallPage slug={route.slug} speedId={route.speedId} />
        </Suspense>
      );
    case 'organise':
      return (
        <Suspense fallback={loading}>
          <OrganiserPage slug={route.slug} tab={route.tab} />
        </Suspense>
      );
    default:
      return <PageTitle title={t('notFound.title')} lead={t('notFound.text')} />;
  }
}
