import { useI18n } from '../i18n/I18nProvider';

/** Save (the form's submit) and, for an editor that can be closed, cancel. */
export function FormActions({ saveLabel, onCancel }: { saveLabel: string; onCancel?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="button--primary">
        {saveLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
