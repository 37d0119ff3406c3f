import { useI18n } from '../i18n/I18nProvider';

/** The console's keyboard shortcuts, written out where the moderator looks for them. */
export function Shortcuts() {
  const { t } = useI18n();
  return (
    <details className="panel shortcuts">
      <summary>{t('mod.shortcuts')}</summary>
      <ul>
        <li>{t('mod.shortcutNext')}</li>
        <li>{t('mod.shortcutQueue')}</li>
        <li>{t('mod.shortcutChairs')}</li>
        <li>{t('mod.shortcutStage')}</li>
      </ul>
    </details>
  );
}
