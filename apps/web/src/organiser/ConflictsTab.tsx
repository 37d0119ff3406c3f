import { loadConflicts } from '../api/organiser';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote, Loading, useAsync } from '../ui/Async';
import type { ConflictInfo } from '../api/organiser';
import { conflictText, type ConflictNames } from './conflict-text';

export function ConflictsTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useAsync((signal) => loadConflicts(slug, signal), [slug]);
  const list: ConflictInfo[] = data?.conflicts ?? [];
  // Names instead of ids: the programme knows the conference's people and rooms.
  const programme = useProgramme(slug).data;
  const names: ConflictNames = {
    person: (id) => programme?.people.find((p) => p.id === id)?.name,
    room: (id) => programme?.rooms.find((r) => r.id === id)?.name,
    conferenceDays: programme ? { start: programme.conference.startDate, end: programme.conference.endDate } : undefined,
  };
  const explain = (c: ConflictInfo) => {
    const { key, vars } = conflictText(c, names);
    return t(key, vars);
  };
  return (
    <section aria-labelledby="org-conflicts" className="panel">
      <h2 id="org-conflicts">{t('org.tab.conflicts')}</h2>
      {loading && <Loading />}
      {error ? <ErrorNote error={error} onRetry={reload} /> : null}
      {data && list.length === 0 && <p className="notice notice--ok">{t('org.conflicts.none')}</p>}
      {list.length > 0 && (
        <ul className="plain-list">
          {list.map((c, i) => (
            <li key={i}>
              <span className="badge">{t(`org.conflicts.${c.kind}` as MessageKey)}</span> <Link to={paths.session(slug, c.session.id)}>{c.session.title}</Link>
              {'other' in c && (
                <>
                  {' ↔ '}
                  <Link to={paths.session(slug, c.other.id)}>{c.other.title}</Link>
                </>
              )}
              <span className="block small muted">{explain(c)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
