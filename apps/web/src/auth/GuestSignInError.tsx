import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';

/** A refused guest sign-in; a name of a person of the conference (409) gets its own hint instead of the generic conflict text. */
export function GuestSignInError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.code === 'CONFLICT') {
    return (
      <p role="alert" className="notice notice--error">
        {t('guest.nameTaken')}
      </p>
    );
  }
  return <ErrorNote error={error} />;
}
