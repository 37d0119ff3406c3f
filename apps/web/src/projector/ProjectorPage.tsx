import { useEffect, useState, type ReactNode } from 'react';
import { paths } from '../app/router';
import { canModerate, useAuth } from '../auth/AuthProvider';
import { useFishbowl } from '../fishbowl/useFishbowl';
import { useI18n } from '../i18n/I18nProvider';
import { makeFormatters } from '../i18n/format';
import type { MessageKey } from '../i18n/types';
import { isLive, peopleOf, roleLabel, roomName } from '../programme/helpers';
import { useProgramme } from '../programme/useProgramme';
import { PageFallback } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { useQuestions } from '../questions/useQuestions';
import { ProjectorQr } from './ProjectorQr';
import { featuredQuestion, nextOf, speakerOf } from './projector';

interface Props {
  slug: string;
  sessionId: string;
  /** The captions slot: the Captions component goes here (built elsewhere); empty until then. */
  captions?: ReactNode;
}

/** Ticks every second so the speaking timer runs on the wall. */
function useSecond(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The hall projector view: full screen, no controls, a dark stage surface. Public like the session page;
 * chairs and the queue come from the fishbowl view only when this screen is signed in (the server
 * decides which names that view carries), so an anonymous projector never shows queue names.
 */
export function ProjectorPage({ slug, sessionId, captions }: Props) {
  const { t, lang } = useI18n();
  const { session: signedIn, rolesIn } = useAuth();
  const programme = useProgramme(slug, { live: true });
  const s = programme.data?.sessions.find((x) => x.id === sessionId);
  const fishbowl = useFishbowl(sessionId, s?.kind === 'fishbowl' ? (signedIn?.token ?? null) : null);
  // Moderators run the hall's screen with the projector view; anyone else signed in gets the attendees' list, filtered the same way.
  const questions = useQuestions(sessionId, signedIn?.token ?? null, canModerate(rolesIn(slug)) ? 'projector' : 'attendee');
  const question = featuredQuestion(questions.projector?.questions ?? questions.attendee?.questions ?? []);
  const now = useSecond();
  if (programme.error) return <PageFallback title={t('projector.title')} error={programme.error} onRetry={programme.reload} />;
  if (!programme.data) return <PageFallback title={t('projector.title')} />;
  if (!s) return <PageTitle title={t('notFound.title')} lead={t('session.notFound')} />;

  const data = programme.data;
  const f = makeFormatters(lang, data.conference.timezone);
  const people = peopleOf(s, data);
  const functionOf = (personId: string) => data.people.find((p) => p.id === personId)?.function ?? null;
  const view = fishbowl.view;
  const serverNow = now + fishbowl.offsetMs;
  const onStage = view ? speakerOf(view) : null;
  const next = view ? nextOf(view) : null;
  const occupant = onStage?.chair.occupant ?? null;
  const chairRole = onStage?.chair.kind === 'fixed' && onStage.chair.fixedRole ? t(`role.${onStage.chair.fixedRole}` as MessageKey) : null;
  const guestLabel = occupant?.guest ? t('fishbowl.guest') : null;
  const speakers = people.filter((p) => p.role === 'speaker' || p.role === 'moderator');
  const room = roomName(s, data);
  const url = `${location.origin}${paths.hall(slug, sessionId)}`;

  return (
    <div className="projector stage-surface">
      <header className="projector__head">
        <PageTitle title={s.title} />
        <p className="projector__meta">
          {isLive(s, now) && <span className="badge badge--live">{t('stage.live')}</span>}
          {room && <span>{room}</span>}
          <span>{t(`kind.${s.kind}` as MessageKey)}</span>
        </p>
      </header>

      <section className="projector__speaker" aria-labelledby="projector-speaking">
        <h2 id="projector-speaking" className="projector__label">{t(onStage ? 'projector.speaking' : 'projector.onStage')}</h2>
        {onStage ? (
          <>
            <p className="projector__name">{onStage.displayName}</p>
            <p className="projector__function">{functionOf(onStage.personId) ?? chairRole ?? guestLabel ?? t(onStage.chair.kind === 'open' ? 'projector.openChair' : 'role.panelist')}</p>
            {occupant && (
              <p className="projector__timer" data-testid="projector-timer">
                {occupant.endsAt !== null
                  ? t('fishbowl.timeLeft', { time: f.clock(occupant.endsAt - serverNow) })
                  : t('projector.speakingFor', { time: f.clock(serverNow - occupant.seatedSince) })}
              </p>
            )}
          </>
        ) : speakers.length > 0 ? (
          <ul className="projector__people">
            {speakers.map((p) => (
              <li key={p.personId}>
                <span className="projector__name projector__name--small">{p.name}</span>{' '}
                <span className="projector__function">{functionOf(p.personId) ?? t(roleLabel(p.role, s.kind) as MessageKey)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="projector__function">{t('projector.nobody')}</p>
        )}
      </section>

      {s.kind === 'fishbowl' && (
        <p className="projector__next" aria-live="polite">
          {next ? t(next.invited ? 'projector.nextInvited' : 'projector.next', { name: next.displayName }) : view ? t('projector.queueEmpty') : ''}
        </p>
      )}

      {signedIn && (
        <section className="projector__question" aria-labelledby="projector-question" aria-live="polite" data-testid="projector-question">
          <h2 id="projector-question" className="projector__label">{t(question?.pinned ? 'projector.questionPinned' : 'projector.questionTop')}</h2>
          {question ? (
            <>
              <p className="projector__question-text">{question.text}</p>
              <p className="projector__function">
                {[question.askerName ?? t('questions.anonymousName'), t('questions.votes', { count: question.votes }), question.readAloud ? t('questions.readAloudShort') : null].filter(Boolean).join(' · ')}
              </p>
            </>
          ) : (
            <p className="projector__function">{t('projector.noQuestion')}</p>
          )}
        </section>
      )}

      <div className="projector__captions" data-slot="captions" aria-label={t('projector.captions')} role="region">
        {captions}
      </div>

      {s.kind === 'fishbowl' && <ProjectorQr url={url} />}
    </div>
  );
}
