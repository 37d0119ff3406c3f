import { download, minutesUrl, type MinutesTable } from '../api/moderation';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';

/** The CSV tables every session has, and the fishbowl's own before them. */
const FISHBOWL_TABLES: [MinutesTable, MessageKey, string][] = [
  ['seatings', 'mod.minutesCsv', 'sitzplaetze'],
  ['people', 'mod.minutesPeopleCsv', 'personen'],
];
const SESSION_TABLES: [MinutesTable, MessageKey, string][] = [['questions', 'mod.minutesQuestionsCsv', 'fragen']];

/** The session record's downloads: the minutes (fishbowl, questions, polls, chat, transcript) and CSV tables. */
export function MinutesExport({ sessionId, fishbowl, busy, run }: { sessionId: string; fishbowl: boolean; busy: boolean; run(command: () => Promise<unknown>, okText?: string): void }) {
  const { t, lang } = useI18n();
  const tables = fishbowl ? [...FISHBOWL_TABLES, ...SESSION_TABLES] : SESSION_TABLES;
  return (
    <section aria-labelledby="minutes-heading" className="panel">
      <h2 id="minutes-heading">{t('mod.minutes')}</h2>
      <p className="muted small">{t(fishbowl ? 'mod.minutesHint' : 'mod.minutesHintSession')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => run(() => download(minutesUrl(sessionId, 'md', lang), `protokoll-${sessionId}.md`))}>
          {t('mod.minutesMarkdown')}
        </button>
        {tables.map(([table, label, file]) => (
          <button key={table} type="button" disabled={busy} onClick={() => run(() => download(minutesUrl(sessionId, 'csv', lang, table), `${file}-${sessionId}.csv`))}>
            {t(label)}
          </button>
        ))}
      </div>
    </section>
  );
}
