import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { ProgrammeLiveStatus } from './LiveStatus';
import { useFormat } from '../i18n/format';
import { PageFallback } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { CalendarLinks } from './CalendarLinks';
import { PersonalCalendar } from './PersonalCalendar';
import { groupByDay, overlaps } from './helpers';
import { SessionCard } from './SessionCard';
import { useBookmarks, useNow, useProgramme } from './useProgramme';
import { ZoneSwitch } from './ZoneSwitch';

export function MyProgrammePage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data: programme, error, loading, reload, live } = useProgramme(slug, { live: true });
  const f = useFormat(programme?.conference.timezone);
  const { ids, toggle } = useBookmarks(slug);
  const now = useNow();
  if (error) return <PageFallback title={t('my.title')} error={error} onRetry={reload} />;
  if (loading && !programme) return <PageFallback title={t('my.title')} />;
  if (!programme) return null;
  const mine = programme.sessions.filter((s) => ids.has(s.id));
  const clashes = overlaps(mine);
  return (
    <div className="page">
      <PageTitle title={t('my.title')} lead={programme.conference.title} />
      <ProgrammeLiveStatus live={live} sessions={programme.sessions} f={f} />
      <div role="status">
        {clashes.length > 0 && (
          <div className="notice notice--warning">
            <h2 className="h3">{t('my.overlapHeading', { count: clashes.length })}</h2>
            <ul>
              {clashes.map(([a, b]) => (
                <li key={`${a.id}-${b.id}`}>{t('my.overlap', { a: a.title, b: b.title })}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {mine.length === 0 ? (
        <p>
          {t('my.empty')} <Link to={paths.programme(slug)}>{t('my.toProgramme')}</Link>
        </p>
      ) : (
        groupByDay(mine, (ms) => f.localDate(ms), programme?.conference.dayChange).map((d) => (
          <section key={d.date} aria-labelledby={`my-${d.date}`}>
            <h2 id={`my-${d.date}`}>{f.day(d.date)}</h2>
            <div className="stack">
              {d.sessions.map((s) => (
                <SessionCard key={s.id} slug={slug} session={s} programme={programme} f={f} bookmarked onToggleBookmark={toggle} now={now} />
              ))}
            </div>
          </section>
        ))
      )}
      <PersonalCalendar />
      <ZoneSwitch conferenceZone={programme.conference.timezone} at={programme.conference.startDate} />
      <CalendarLinks slug={slug} />
    </div>
  );
}
