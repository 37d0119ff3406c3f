import { useEffect, useState, type FormEvent } from 'react';
import { getInterpreters, setInterpreterLanguages, type SessionInterpreter } from '../api/interpretation';
import { useI18n } from '../i18n/I18nProvider';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote } from '../ui/Async';

const TAG = '[a-z]{2,3}(-[A-Za-z0-9]{2,8})?';

/** Organisers give each interpreter of a session a language pair; a sign language (gsg) as target means video. */
export function InterpreterPairs({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data } = useProgramme(slug);
  const [sessionId, setSessionId] = useState('');
  const [rows, setRows] = useState<SessionInterpreter[] | null>(null);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setRows(null);
    if (sessionId) getInterpreters(sessionId).then(setRows, setError);
  }, [sessionId]);
  return (
    <section className="panel" aria-labelledby="org-pairs" data-testid="interpreter-pairs">
      <h2 id="org-pairs">{t('interpretation.pairsHeading')}</h2>
      <p className="muted small">{t('interpretation.pairsHint')}</p>
      <div className="form-row">
        <label htmlFor="pairs-session">{t('interpretation.pairsSession')}</label>
        <select id="pairs-session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
          <option value="">–</option>
          {data?.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      {rows && rows.length === 0 && <p>{t('interpretation.pairsNone')}</p>}
      {rows?.map((r) => <PairForm key={r.personId} sessionId={sessionId} interpreter={r} />)}
      {error ? <ErrorNote error={error} /> : null}
    </section>
  );
}

function PairForm({ sessionId, interpreter }: { sessionId: string; interpreter: SessionInterpreter }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(interpreter.from ?? 'de');
  const [to, setTo] = useState(interpreter.to ?? '');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = `pair-${interpreter.personId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await setInterpreterLanguages(sessionId, interpreter.personId, { from, to });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="pair-form" onSubmit={(e) => void submit(e)} aria-label={interpreter.displayName}>
      <fieldset>
        <legend>{interpreter.displayName}</legend>
        <label htmlFor={`${id}-from`}>{t('interpretation.from')}</label>{' '}
        <input id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)} required pattern={TAG} size={6} />{' '}
        <label htmlFor={`${id}-to`}>{t('interpretation.to')}</label>{' '}
        <input id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} required pattern={TAG} size={6} />{' '}
        <button type="submit" className="button">
          {t('access.save')}
        </button>
        <span role="status">{saved ? t('access.saved') : ''}</span>
        {error ? <ErrorNote error={error} /> : null}
      </fieldset>
    </form>
  );
}
