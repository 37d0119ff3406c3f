import type { ConflictInfo } from '../api/organiser';
import { ApiError } from '../api/http';
import type { PersonView } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import { problemsOf } from '../i18n/validation-text';
import { valueFormat } from '../i18n/values';
import { ErrorNote } from '../ui/Async';

/** Why a session write was refused: the conflicts (with "save anyway"), the api's validation message, or any other error. */
export function SaveProblem({ error, conflicts, people, onForce }: { error: unknown; conflicts: ConflictInfo[] | null; people: PersonView[]; onForce(): void }) {
  const { t, lang } = useI18n();
  if (conflicts) {
    const name = (id?: string) => people.find((p) => p.id === id)?.name ?? t('org.session.somebody');
    const describe = (c: ConflictInfo) => {
      const other = 'other' in c ? c.other.title : '';
      if (c.kind === 'room-overlap') return t('org.session.conflict.room', { other });
      if (c.kind === 'person-overlap') return t('org.session.conflict.person', { person: name(c.personId), other });
      if (c.kind === 'outside-conference') return t('org.session.conflict.outside');
      return t('org.session.conflict.capacity', { capacity: c.capacity, registrations: c.registrations });
    };
    return (
      <div role="alert" className="notice notice--warning" data-testid="session-conflicts">
        <p>{t('org.session.conflicts')}</p>
        <ul>
          {conflicts.map((c, i) => (
            <li key={i}>{describe(c)}</li>
          ))}
        </ul>
        <p className="small">{t('org.session.forceHint')}</p>
        <button type="button" className="button--danger" onClick={onForce}>
          {t('org.session.force')}
        </button>
      </div>
    );
  }
  if (!error) return null;
  // The api names the field and the rule ("end: must be after start"): said with the form's label in the interface language.
  if (error instanceof ApiError && error.status === 400)
    return (
      <div role="alert" className="notice notice--error">
        <p>{t('org.invalid', { problems: problemsOf(error, valueFormat(lang, t), t) })}</p>
      </div>
    );
  return <ErrorNote error={error} />;
}
