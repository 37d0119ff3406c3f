import { useState, type ChangeEvent, type FormEvent } from 'react';
import { importSchedule, type ImportAnswer } from '../api/organiser';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { ErrorNote } from '../ui/Async';
import { importEntryText, importSubjectText } from './import-report-text';

/** Import a frab/pretalx schedule.json and read the import report in the interface language (from each entry's code). */
export function ImportTab() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // Off by default: an import is a draft until the organiser has checked it (or opts in here).
  const [publish, setPublish] = useState(false);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setText(await file.text());
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setAnswer(null);
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, '')); // a byte order mark, as the server and the CLI take it
    } catch {
      setError(new Error(t('org.import.notJson')));
      return;
    }
    setBusy(true);
    try {
      setAnswer(await importSchedule(json, publish));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const report = answer?.report ?? [];
  const slug = answer?.conference?.slug ?? answer?.slug;
  return (
    <section aria-labelledby="org-import" className="panel">
      <h2 id="org-import">{t('org.tab.import')}</h2>
      <form className="form" onSubmit={submit}>
        <label htmlFor="imp-file">{t('org.import.file')}</label>
        <input id="imp-file" type="file" accept="application/json,.json" onChange={onFile} />
        <label htmlFor="imp-text">{t('org.import.paste')}</label>
        <textarea id="imp-text" value={text} onChange={(e) => setText(e.target.value)} rows={8} spellCheck={false} />
        <label className="checkbox">
          <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
          {t('org.import.publish')}
        </label>
        {error ? <ErrorNote error={error} /> : null}
        <button type="submit" className="button--primary" disabled={busy || !text.trim()}>
          {t('org.import.submit')}
        </button>
      </form>
      <div role="status">
        {answer && (
          <div className="import-report">
            <h3>{t('org.import.report')}</h3>
            <p>{answer.conference?.published ? t('org.import.published') : t('org.import.draft')}</p>
            <p>{report.length === 0 ? t('org.import.clean') : t('org.import.entries', { n: report.length })}</p>
            {report.length > 0 && (
              <ul className="plain-list">
                {report.map((r, i) => (
                  <li key={i}>
                    <span className="badge">{t(`org.import.action.${r.action}` as MessageKey)}</span> <strong>{importSubjectText(r.subject, t)}</strong>: {importEntryText(r, t)}
                  </li>
                ))}
              </ul>
            )}
            {slug && <Link to={paths.programme(slug)}>{t('org.import.open')}</Link>}
          </div>
        )}
      </div>
    </section>
  );
}
