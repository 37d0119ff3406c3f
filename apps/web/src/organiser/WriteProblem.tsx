import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { problemsOf, ROOM_FIELD_LABELS } from '../i18n/validation-text';
import { valueFormat } from '../i18n/values';
import { ErrorNote } from '../ui/Async';

/** Why a room or track write was refused: the broken rule in words (400), or the api's own message (409: which name is taken). */
export function WriteProblem({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 400)
    return (
      <div role="alert" className="notice notice--error">
        <p>{t('org.invalid', { problems: problemsOf(error, valueFormat(lang, t), t, ROOM_FIELD_LABELS) })}</p>
      </div>
    );
  if (error instanceof ApiError && error.status === 409)
    return (
      <div role="alert" className="notice notice--error">
        <p>{t('org.notSaved', { message: error.message })}</p>
      </div>
    );
  return <ErrorNote error={error} />;
}
