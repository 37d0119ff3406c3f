import { Link, paths } from '../app/router';
import { canModerate, useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { delayLabel, ProgrammeLiveStatus } from './LiveStatus';
import { useFormat } from '../i18n/format';
import type { MessageKey } from '../i18n/types';
import { PageFallback } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { isLive, peopleOf, roleLabel, roomName, shownEnd, shownStart } from './helpers';
import { useBookmarks, useNow, useProgramme } from './useProgramme';
import { ZoneSwitch } from './ZoneSwitch';

export function SessionDetailsPage({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useI18n();
  const { data: programme, error, loading, reload, live: link } = useProgramme(slug, { live: true });
  const f = useFormat(programme?.conference.timezone);
  const { ids, toggle } = useBookmarks(slug);
  const { rolesIn, session: signedIn, me } = useAuth();
  const now = useNow();
  if (error) return <PageFallback title={t('programme.schedule')} error={error} onRetry={reload} />;
  if (loading && !programme) return <PageFallback title={t('programme.schedule')} />;
  const s = programme?.sessions.find((x) => x.id === sessionId);
  if (!programme || !s) return <PageTitle title={t('notFound.title')} lead={t('session.notFound')} />;
  const roles = rolesIn(slug);
  const people = peopleOf(s, programme);
  // Backstage only for a signed-in crew member: a conference role, or one of this session's people.
  const onSession = !!me && people.some((p) => p.personId === me.person.id);
  const backstage = !!signedIn && (roles.has('speaker') || roles.has('interpreter') || canModerate(roles) || onSession);
  const room = roomName(s, programme);
  const bookmarked = ids.has(s.id);
  const live = isLive(s, now);
  return (
    <div className="page session-details">
      <p className="breadcrumb">
        <Link to={paths.programme(slug)}>{t('session.backToProgramme')}</Link>
      </p>
      <PageTitle title={s.title} lead={s.subtitle ?? undefined}>
        <p className="session-card__meta">
          <span>{f.date(shownStart(s))}</span>
          <span>
            {f.time(shownStart(s))}–{f.time(shownEnd(s))}
          </span>
          {room && <span>{room}</span>}
          <span>{t(`kind.${s.kind}` as MessageKey)}</span>
          {live && <span className="badge badge--live">{t('session.liveNow')}</span>}
          {s.status === 'cancelled' && <span className="badge badge--cancelled">{t('session.cancelled')}</span>}
          {s.delayMinutes > 0 && <span className="badge badge--delay">{delayLabel(t, s.delayMinutes)}</span>}
        </p>
      </PageTitle>
      <ProgrammeLiveStatus live={link} sessions={programme.sessions} f={f} />
      <div className="actions">
        <button type="button" className="bookmark" aria-pressed={bookmarked} onClick={() => toggle(s.id)}>
          <span aria-hidden="true">{bookmarked ? '★' : '☆'}</span> {bookmarked ? t('bookmark.remove') : t('bookmark.add')}
        </button>
        {s.livestream && (
          <Link className="button button--primary" to={paths.live(slug, s.id)}>
            {s.kind === 'fishbowl' ? t('session.joinFishbowl') : t('session.watch')}
          </Link>
        )}
        {s.kind === 'fishbowl' && <Link className="button" to={paths.hall(slug, s.id)}>{t('session.hallMode')}</Link>}
        {s.kind === 'forum' && <Link className="button button--primary" to={paths.forum(slug, s.id)}>{t('forum.open')}</Link>}
        {s.kind === 'marketplace' && <Link className="button button--primary" to={paths.market(slug)}>{t('market.title')}</Link>}
        {backstage && (
          <Link className="button" to={paths.backstage(slug, s.id)}>
            {t('session.backstage')}
          </Link>
        )}
        {canModerate(roles) && (
          <Link className="button" to={paths.moderate(slug, s.id)}>
            {t('session.moderate')}
          </Link>
        )}
      </div>
      {s.abstract && <p className="abstract">{s.abstract}</p>}
      {s.description && <p>{s.description}</p>}
      {people.length > 0 && (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">{t('session.people')}</h2>
          <ul className="people-list">
            {people.map((p) => (
              <li key={`${p.personId}-${p.role}`}>
                <strong>{p.name}</strong> <span className="badge">{t(roleLabel(p.role, s.kind) as MessageKey)}</span>
                {(p.person?.function || p.person?.organisation) && (
                  <span className="muted block">{[p.person?.function, p.person?.organisation].filter(Boolean).join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ZoneSwitch conferenceZone={programme.conference.timezone} at={programme.conference.startDate} />
    </div>
  );
}
