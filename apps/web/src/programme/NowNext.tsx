import type { ProgrammeData } from '../api/programme';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import type { Formatters } from '../i18n/format';
import { nowAndNext, shownStart } from './helpers';

export function NowNext({ slug, programme, f, now }: { slug: string; programme: ProgrammeData; f: Formatters; now: number }) {
  const { t } = useI18n();
  const rows = nowAndNext(programme, now);
  return (
    <section aria-labelledby="now-next-heading" className="now-next">
      <h2 id="now-next-heading">{t('nowNext.heading')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('nowNext.none')}</p>
      ) : (
        <ul className="now-next__list">
          {rows.map(({ room, now: current, next }) => (
            <li key={room.id}>
              <strong>{room.name}</strong>
              <span>
                {t('nowNext.now')}:{' '}
                {current ? <Link to={paths.session(slug, current.id)}>{current.title}</Link> : <span className="muted">{t('nowNext.nothing')}</span>}
              </span>
              {next && (
                <span>
                  {t('nowNext.next', { time: f.time(shownStart(next)) })}: <Link to={paths.session(slug, next.id)}>{next.title}</Link>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
