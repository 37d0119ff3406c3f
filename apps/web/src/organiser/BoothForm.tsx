import { useState, type FormEvent } from 'react';
import { MARKET_LIMITS, type NewBooth } from '@podium/contracts';
import type { PersonView } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import { Field } from './Field';
import { boothBody, type BoothFormProblem, type BoothFormValues } from './booth-form';
import { FormActions } from './FormActions';
import { PeoplePicker } from './PeoplePicker';

/** A booth's fields (create and edit): name, description, links, logo, size, staff; checked before sending. */
export function BoothForm(props: { id: string; initial: BoothFormValues; people: Pick<PersonView, 'id' | 'name' | 'organisation'>[]; submitLabel: string; onSubmit(body: NewBooth): Promise<boolean>; onCancel?(): void }) {
  const { id, initial, people, submitLabel, onSubmit, onCancel } = props;
  const { t } = useI18n();
  const [v, setV] = useState(initial);
  const [problem, setProblem] = useState<BoothFormProblem | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = boothBody(v);
    if ('field' in body) return setProblem(body);
    setProblem(null);
    if ((await onSubmit(body)) && !onCancel) setV(initial);
  };
  const problemText = problem && (problem.field === 'links' ? t('org.booth.problem.links', { line: problem.line ?? 1 }) : t(`org.booth.problem.${problem.field}`));
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <Field id={`${id}-name`} label={t('org.field.name')} value={v.name} onChange={(name) => setV({ ...v, name })} required />
      <div className="form-row">
        <label htmlFor={`${id}-description`}>{t('org.booth.description')}</label>
        <textarea id={`${id}-description`} rows={3} maxLength={MARKET_LIMITS.descriptionMaxLength} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-links`}>{t('org.booth.links')}</label>
        <textarea id={`${id}-links`} rows={3} value={v.links} onChange={(e) => setV({ ...v, links: e.target.value })} aria-describedby={`${id}-links-hint`} />
        <p id={`${id}-links-hint`} className="muted small">
          {t('org.booth.linksHint')}
        </p>
      </div>
      <Field id={`${id}-logo`} label={t('org.booth.logo')} type="url" value={v.logoUrl} onChange={(logoUrl) => setV({ ...v, logoUrl })} />
      <Field id={`${id}-capacity`} label={t('org.booth.capacity')} type="number" min={MARKET_LIMITS.minCapacity} max={MARKET_LIMITS.maxCapacity} value={v.capacity} onChange={(capacity) => setV({ ...v, capacity })} />
      <PeoplePicker id={`${id}-staff`} label={t('org.booth.staff')} addLabel={t('org.booth.addStaff')} chosen={v.staff} people={people} onChange={(staff) => setV({ ...v, staff })} />
      {problemText && <p role="alert" className="notice notice--error">{problemText}</p>}
      <FormActions saveLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
