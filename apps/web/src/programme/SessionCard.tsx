import type { ProgrammeData, SessionView } from '../api/programme';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { delayLabel } from './LiveStatus';
import type { Formatters } from '../i18n/format';
import type { MessageKey } from '../i18n/types';
import { isLive, peopleOf, roomName, shownEnd, shownStart } from './helpers';

interface Props {
  slug: string;
  session: SessionView;
  programme: ProgrammeData;
  f: Formatters;
  bookmarked: boolean;
  onToggleBookmark(id: string): void;
  now: number;
  headingLevel?: 2 | 3;
}

export function SessionCard({ slug, session: s, programme, f, bookmarked, onToggleBookmark, now, headingLevel = 3 }: Props) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const speakers = peopleOf(s, programme).filter((p) => p.role !== 'interpreter' && p.name);
  const room = roomName(s, programme);
  const live = isLive(s, now);
  return (
    <article className={`session-card kind-${s.kind}${s.status === 'cancelled' ? ' is-cancelled' : ''}`} data-session-id={s.id}>
      <p className="session-card__meta">
        <span className="time">
          <time dateTime={new Date(shownStart(s)).toISOString()}>{f.time(shownStart(s))}</time>–
          <time dateTime={new Date(shownEnd(s)).toISOString()}>{f.time(shownEnd(s))}</time>
        </span>
        {room && <span className="room">{room}</span>}
        <span className="kind">{t(`kind.${s.kind}` as MessageKey)}</span>
        {live && <span className="badge badge--live">{t('session.liveNow')}</span>}
        {s.status === 'cancelled' && <span className="badge badge--cancelled">{t('session.cancelled')}</span>}
        {s.delayMinutes > 0 && <span className="badge badge--delay">{delayLabel(t, s.delayMinutes)}</span>}
      </p>
      <Heading className="session-card__title">
        <Link to={paths.session(slug, s.id)}>{s.title}</Link>
      </Heading>
      {speakers.length > 0 && <p className="session-card__people">{speakers.map((p) => p.name).join(', ')}</p>}
      <div className="session-card__actions">
        <button type="button" className="bookmark" aria-pressed={bookmarked} onClick={() => onToggleBookmark(s.id)}>
          <span aria-hidden="true">{bookmarked ? '★' : '☆'}</span> {bookmarked ? t('bookmark.remove') : t('bookmark.add')}
          <span className="visually-hidden">: {s.title}</span>
        </button>
        {live && s.livestream && (
          <Link className="button button--primary" to={paths.live(slug, s.id)}>
            {t('session.watch')}
            <span className="visually-hidden">: {s.title}</span>
          </Link>
        )}
      </div>
    </article>
  );
}
