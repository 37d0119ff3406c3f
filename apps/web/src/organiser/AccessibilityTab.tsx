import { useEffect, useState, type FormEvent } from 'react';
import { putAccessibility, type AccessibilityBody } from '../api/accessibility';
import { Link, paths } from '../app/router';
import { useAccessibility } from '../accessibility/useAccessibility';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote, Loading } from '../ui/Async';
import { Field } from './Field';

type Form = Record<keyof AccessibilityBody, string>;
const EMPTY: Form = { dgsVideoUrl: '', easyLanguage: '', contact: '', feedback: '', statementDate: '', limitations: '' };

function Area({ id, label, hint, value, onChange }: { id: string; label: string; hint: string; value: string; onChange(v: string): void }) {
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={5} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
    </div>
  );
}

/** Organisers fill the start page slots (DGS video, Leichte Sprache) and the accessibility statement. */
export function AccessibilityTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data, error } = useAccessibility(slug);
  const [form, setForm] = useState<Form>(EMPTY);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  useEffect(() => {
    if (data) setForm({ dgsVideoUrl: data.dgsVideoUrl ?? '', easyLanguage: data.easyLanguage ?? '', contact: data.contact ?? '', feedback: data.feedback ?? '', statementDate: data.statementDate ?? '', limitations: data.limitations ?? '' });
  }, [data]);
  const set = (key: keyof Form) => (value: string) => {
    setSaved(false);
    setForm({ ...form, [key]: value });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaveError(undefined);
    try {
      const orNull = (v: string) => (v.trim() === '' ? null : v);
      await putAccessibility(slug, { dgsVideoUrl: orNull(form.dgsVideoUrl), easyLanguage: orNull(form.easyLanguage), contact: orNull(form.contact), feedback: orNull(form.feedback), statementDate: orNull(form.statementDate), limitations: orNull(form.limitations) });
      setSaved(true);
    } catch (err) {
      setSaveError(err);
    }
  };
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="org-access" data-testid="accessibility-form">
      <h2 id="org-access">{t('access.orgHeading')}</h2>
      <Field id="acc-dgs" label={t('access.dgsUrl')} type="url" pattern="https://.+" value={form.dgsVideoUrl} onChange={set('dgsVideoUrl')} hint={t('access.dgsUrlHint')} />
      <Area id="acc-easy" label={t('access.easyLanguage')} hint={t('access.easyLanguageHint')} value={form.easyLanguage} onChange={set('easyLanguage')} />
      <Area id="acc-limits" label={t('access.limitations')} hint={t('access.limitationsHint')} value={form.limitations} onChange={set('limitations')} />
      <Area id="acc-feedback" label={t('access.feedback')} hint={t('access.feedbackHint')} value={form.feedback} onChange={set('feedback')} />
      <Area id="acc-contact" label={t('access.contact')} hint={t('access.contactHint')} value={form.contact} onChange={set('contact')} />
      <Field id="acc-date" label={t('access.date')} type="date" value={form.statementDate} onChange={set('statementDate')} />
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('access.save')}
        </button>
        <Link to={paths.accessibility(slug)}>{t('access.statementLink')}</Link>
      </div>
      <p role="status">{saved ? t('access.saved') : ''}</p>
      {saveError ? <ErrorNote error={saveError} /> : null}
    </form>
  );
}
