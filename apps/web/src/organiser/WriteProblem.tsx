import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';

/** Why a room or track write was refused: the api's own message says which field (or which name is taken). */
export function WriteProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError && (error.status === 400 || error.status === 409))
    return (
      <div role="alert" className="notice notice--error">
        <p>{t('org.notSaved', { message: error.message })}</p>
      </div>
    );
  return <ErrorNote error={error} />;
}
