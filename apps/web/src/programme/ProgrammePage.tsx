import { useEffect, useState } from 'react';
import { Link, paths } from '../app/router';
import { canModerate, useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { ProgrammeLiveStatus } from './LiveStatus';
import { useFormat } from '../i18n/format';
import { PageFallback } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { ChatPanel } from '../chat/ChatPanel';
import { CalendarLinks } from './CalendarLinks';
import { ConferenceMeta } from './ConferenceMeta';
import { groupByDay, groupBySlot } from './helpers';
import { NowNext } from './NowNext';
import { SessionCard } from './SessionCard';
import { useBookmarks, useNow, useProgramme } from './useProgramme';
import { ZoneSwitch } from './ZoneSwitch';
import { StartPageSlots } from '../accessibility/StartPageSlots';

export function ProgrammePage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data: programme, error, loading, reload, live } = useProgramme(slug, { live: true });
  const f = useFormat(programme?.conference.timezone);
  const { ids, toggle } = useBookmarks(slug);
  const { rolesIn, session, me } = useAuth();
  const now = useNow();
  const days = programme ? groupByDay(programme.sessions, (ms) => f.localDate(ms), programme.conference.dayChange) : [];
  const [day, setDay] = useState<string | null>(null);
  useEffect(() => {
    if (days.length && (!day || !days.some((d) => d.date === day))) {
      const today = f.localDate(Date.now());
      setDay(days.find((d) => d.date === today)?.date ?? days[0].date);
    }
  }, [days, day, f]);

  if (error) return <PageFallback title={t('programme.schedule')} error={error} onRetry={reload} />;
  if (loading && !programme) return <PageFallback title={t('programme.schedule')} />;
  if (!programme) return null;
  const selected = days.find((d) => d.date === day) ?? days[0];
  const roles = rolesIn(slug);

  return (
    <div className="page programme-page">
      <PageTitle title={programme.conference.title}>
        <ConferenceMeta conference={programme.conference} />
        {roles.has('organiser') && (
          <p>
            <Link to={paths.organise(slug)}>{t('nav.organise')}</Link>
          </p>
        )}
      </PageTitle>
      <StartPageSlots slug={slug} />
      <ProgrammeLiveStatus live={live} sessions={programme.sessions} f={f} />
      <div className="programme-tools">
        <ZoneSwitch conferenceZone={programme.conference.timezone} at={programme.conference.startDate} />
        <CalendarLinks slug={slug} />
      </div>
      <NowNext slug={slug} programme={programme} f={f} now={now} />
      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">{t('programme.schedule')}</h2>
        {days.length === 0 && <p className="muted">{t('programme.empty')}</p>}
        {days.length > 1 && (
          <div role="group" aria-label={t('programme.days')} className="segmented day-switch">
            {days.map((d) => (
              <button key={d.date} type="button" aria-pressed={d.date === selected?.date} onClick={() => setDay(d.date)}>
                {f.day(d.date)}
              </button>
            ))}
          </div>
        )}
        {selected && (
          <div className="day">
            <h3 className="day__title">{f.day(selected.date)}</h3>
            {groupBySlot(selected.sessions).map((slot) => (
              <section key={slot.start} className="slot" aria-label={t('programme.slot', { time: f.time(slot.start) })}>
                <p className="slot__time" aria-hidden="true">
                  {f.time(slot.start)}
                </p>
                <div className={`slot__sessions${slot.sessions.length > 1 ? ' is-parallel' : ''}`}>
                  {slot.sessions.map((s) => (
                    <SessionCard key={s.id} slug={slug} session={s} programme={programme} f={f} bookmarked={ids.has(s.id)} onToggleBookmark={toggle} now={now} headingLevel={3} />
                  ))}
                </div>
              </section>
            ))}
          </div>
        )}
      </section>
      {canModerate(roles) && <p className="muted small">{t('programme.moderatorHint')}</p>}
      {session && roles.size > 0 && <ChatPanel roomId={`lobby:${programme.conference.id}`} token={session.token} personId={me?.person.id} title={t('chat.lobby')} />}
    </div>
  );
}
