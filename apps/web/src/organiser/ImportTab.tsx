import { useMemo, useState, type DragEvent, type FormEvent } from 'react';
import { importSchedule, type ImportAnswer } from '../api/organiser';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { valueFormat } from '../i18n/values';
import { ErrorNote } from '../ui/Async';
import { importEntryText, importSubjectText } from './import-report-text';
import { importRefusalOf, importRefusalText } from './import-refusal-text';
import { problemText, readScheduleInput, type InputProblem } from './schedule-text';
import { browserXmlCheck } from './xml-check';

/**
 * Import a frab/pretalx schedule.json or schedule.xml (a file picked or dropped, or pasted text; told apart by
 * content) and read the import report in the interface language, every value written as people write it.
 */
export function ImportTab() {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [problem, setProblem] = useState<InputProblem | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  // Off by default: an import is a draft until the organiser has checked it (or opts in here).
  const [publish, setPublish] = useState(false);
  // Wall times of the report are in the conference's zone already; an instant is shown in it too.
  const f = useMemo(() => valueFormat(lang, t, answer?.conference?.timezone), [lang, t, answer]);

  const take = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setError(undefined);
    try {
      setText(await file.text());
      setFileName(file.name);
    } catch {
      setFileName(null);
      setProblem({ key: 'org.import.problem.read', vars: { name: file.name } });
    }
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files[0]);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setAnswer(null);
    const input = readScheduleInput(text, browserXmlCheck);
    if (input.kind === 'problem') return setProblem(input.problem);
    setProblem(null);
    setBusy(true);
    try {
      setAnswer(await importSchedule(input.kind === 'xml' ? { xml: input.xml } : { json: input.json }, publish));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const report = answer?.report ?? [];
  // A file the server refused whole says why in the interface language; any other error as errors do.
  const refusal = importRefusalOf(error);
  const slug = answer?.conference?.slug ?? answer?.slug;
  return (
    <section aria-labelledby="org-import" className="panel">
      <h2 id="org-import">{t('org.tab.import')}</h2>
      <form className="form" onSubmit={submit}>
        <div
          className={dragging ? 'drop-zone drop-zone--over' : 'drop-zone'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor="imp-file">{t('org.import.file')}</label>
          <input id="imp-file" type="file" accept=".json,.xml,application/json,application/xml,text/xml" onChange={(e) => void take(e.target.files?.[0])} />
          {fileName && <p className="muted">{t('org.import.loaded', { name: f.text(fileName) })}</p>}
        </div>
        <label htmlFor="imp-text">{t('org.import.paste')}</label>
        <textarea
          id="imp-text"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setFileName(null);
          }}
          rows={8}
          spellCheck={false}
        />
        <label className="checkbox">
          <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
          {t('org.import.publish')}
        </label>
        {problem && (
          <div role="alert" className="notice notice--error">
            <p>{problemText(problem, t, f)}</p>
          </div>
        )}
        {refusal ? (
          <div role="alert" className="notice notice--error">
            <p>{importRefusalText(refusal, t, f)}</p>
          </div>
        ) : error ? (
          <ErrorNote error={error} />
        ) : null}
        <button type="submit" className="button--primary" disabled={busy || !text.trim()}>
          {t('org.import.submit')}
        </button>
      </form>
      <div role="status">
        {answer && (
          <div className="import-report">
            <h3>{t('org.import.report')}</h3>
            <p>{answer.conference?.published ? t('org.import.published') : t('org.import.draft')}</p>
            <p>{report.length === 0 ? t('org.import.clean') : t('org.import.entries', { count: report.length })}</p>
            {report.length > 0 && (
              <ul className="plain-list">
                {report.map((r, i) => (
                  <li key={i}>
                    <span className="badge">{t(`org.import.action.${r.action}` as MessageKey)}</span> <strong>{importSubjectText(r.subject, t, f)}</strong>: {importEntryText(r, t, f)}
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
