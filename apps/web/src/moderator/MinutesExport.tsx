import { download, minutesUrl } from '../api/moderation';
import { useI18n } from '../i18n/I18nProvider';

export function MinutesExport({ sessionId, busy, run }: { sessionId: string; busy: boolean; run(command: () => Promise<unknown>, okText?: string): void }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="minutes-heading" className="panel">
      <h2 id="minutes-heading">{t('mod.minutes')}</h2>
      <p className="muted small">{t('mod.minutesHint')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => run(() => download(minutesUrl(sessionId, 'md', lang), `protokoll-${sessionId}.md`))}>
          {t('mod.minutesMarkdown')}
        </button>
        <button type="button" disabled={busy} onClick={() => run(() => download(minutesUrl(sessionId, 'csv', lang, 'seatings'), `sitzplaetze-${sessionId}.csv`))}>
          {t('mod.minutesCsv')}
        </button>
        <button type="button" disabled={busy} onClick={() => run(() => download(minutesUrl(sessionId, 'csv', lang, 'people'), `personen-${sessionId}.csv`))}>
          {t('mod.minutesPeopleCsv')}
        </button>
      </div>
    </section>
  );
}
