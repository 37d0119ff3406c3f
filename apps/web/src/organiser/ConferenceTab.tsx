import { useState, type FormEvent } from 'react';
import { createConference, type NewConference } from '../api/organiser';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { ConferenceMeta } from '../programme/ConferenceMeta';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote, Loading } from '../ui/Async';
import { Field } from './Field';
import { SLUG_PATTERN } from './patterns';

/** The fields this form shows, all filled (empty strings until typed). */
type ConferenceForm = Required<Pick<NewConference, 'slug' | 'title' | 'timezone' | 'startDate' | 'endDate' | 'format' | 'allowGuests' | 'published'>> & { venue: string };

export function ConferenceTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data, error, loading } = useProgramme(slug);
  const [form, setForm] = useState<ConferenceForm>({ slug: '', title: '', timezone: 'Europe/Berlin', startDate: '', endDate: '', format: 'hybrid', venue: '', allowGuests: true, published: true });
  const [saveError, setSaveError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaveError(undefined);
    try {
      const res = await createConference({ ...form, venue: form.venue || undefined });
      navigate(paths.organise(res.slug));
    } catch (err) {
      setSaveError(err);
    }
  };
  const set = (key: keyof ConferenceForm) => (value: string) => setForm({ ...form, [key]: value });
  return (
    <>
      <section aria-labelledby="org-overview" className="panel">
        <h2 id="org-overview">{t('org.overview')}</h2>
        {loading && <Loading />}
        {error ? <ErrorNote error={error} /> : null}
        {data && (
          <>
            <p>
              <strong>{data.conference.title}</strong>
            </p>
            <ConferenceMeta conference={data.conference} />
            <ul className="stats">
              <li>{t('org.count.rooms', { n: data.rooms.length })}</li>
              <li>{t('org.count.sessions', { n: data.sessions.length })}</li>
              <li>{t('org.count.people', { n: data.people.length })}</li>
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="org-new-conf" className="panel">
        <h2 id="org-new-conf">{t('org.newConference')}</h2>
        <form className="form" onSubmit={submit}>
          <Field id="nc-title" label={t('org.field.title')} value={form.title} onChange={set('title')} required />
          <Field id="nc-slug" label={t('org.field.slug')} value={form.slug} onChange={set('slug')} required pattern={SLUG_PATTERN} hint={t('org.field.slugHint')} />
          <Field id="nc-start" label={t('org.field.startDate')} type="date" value={form.startDate} onChange={set('startDate')} required />
          <Field id="nc-end" label={t('org.field.endDate')} type="date" value={form.endDate} onChange={set('endDate')} required />
          <Field id="nc-zone" label={t('org.field.timezone')} value={form.timezone} onChange={set('timezone')} required />
          <div className="form-row">
            <label htmlFor="nc-format">{t('org.field.format')}</label>
            <select id="nc-format" value={form.format} onChange={(e) => setForm({ ...form, format: e.target.value as ConferenceForm['format'] })}>
              <option value="digital">{t('format.digital')}</option>
              <option value="hybrid">{t('format.hybrid')}</option>
              <option value="in-person">{t('format.in-person')}</option>
            </select>
          </div>
          <Field id="nc-venue" label={t('org.field.venue')} value={form.venue ?? ''} onChange={set('venue')} />
          <label className="checkbox">
            <input type="checkbox" checked={form.allowGuests} onChange={(e) => setForm({ ...form, allowGuests: e.target.checked })} />
            {t('org.field.allowGuests')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.published} onChange={(e) => setForm({ ...form, published: e.target.checked })} />
            {t('org.field.published')}
          </label>
          {saveError ? <ErrorNote error={saveError} /> : null}
          <button type="submit" className="button--primary">
            {t('org.create')}
          </button>
        </form>
      </section>
    </>
  );
}
