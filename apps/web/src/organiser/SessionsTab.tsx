import { useState, type FormEvent } from 'react';
import { createSession } from '../api/organiser';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { useFormat } from '../i18n/format';
import type { MessageKey } from '../i18n/types';
import { byStart, roomName, shownStart } from '../programme/helpers';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote, Loading } from '../ui/Async';
import { Field } from './Field';
import { useSave } from './useSave';
import { zonedToUtc } from './zoned';

const KINDS = ['welcome', 'keynote', 'panel', 'fishbowl', 'forum', 'press-conference', 'marketplace', 'closing', 'break'];

export function SessionsTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useProgramme(slug);
  const f = useFormat(data?.conference.timezone);
  const [form, setForm] = useState({ title: '', kind: 'fishbowl', date: '', start: '10:00', end: '11:00', roomId: '' });
  const { save, feedback } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!data) return;
    const zone = data.conference.timezone;
    void save(async () => {
      await createSession(slug, {
        title: form.title,
        kind: form.kind,
        start: zonedToUtc(form.date || data.conference.startDate, form.start, zone),
        end: zonedToUtc(form.date || data.conference.startDate, form.end, zone),
        roomId: form.roomId || undefined,
        livestream: form.kind !== 'break',
      });
      reload();
      return t('org.saved', { name: form.title });
    });
  };
  return (
    <>
      <section aria-labelledby="org-sessions" className="panel">
        <h2 id="org-sessions">{t('org.tab.sessions')}</h2>
        {loading && <Loading />}
        {error ? <ErrorNote error={error} /> : null}
        {data && (
          <ul className="plain-list">
            {[...data.sessions].sort(byStart).map((s) => (
              <li key={s.id}>
                <span className="muted">{f.dateTime(shownStart(s))}</span> · {roomName(s, data) ?? '–'} · <Link to={paths.session(slug, s.id)}>{s.title}</Link> <span className="badge">{t(`kind.${s.kind}` as MessageKey)}</span>{' '}
                <Link to={paths.moderate(slug, s.id)}>{t('session.moderate')}<span className="visually-hidden">: {s.title}</span></Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="org-new-session" className="panel">
        <h2 id="org-new-session">{t('org.newSession')}</h2>
        <form className="form" onSubmit={submit}>
          <Field id="ns-title" label={t('org.field.title')} value={form.title} onChange={(title) => setForm({ ...form, title })} required />
          <div className="form-row">
            <label htmlFor="ns-kind">{t('org.field.kind')}</label>
            <select id="ns-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <Field id="ns-date" label={t('org.field.date')} type="date" value={form.date} onChange={(date) => setForm({ ...form, date })} required />
          <Field id="ns-start" label={t('org.field.start')} type="time" value={form.start} onChange={(start) => setForm({ ...form, start })} required hint={data ? t('org.field.zoneHint', { zone: data.conference.timezone }) : undefined} />
          <Field id="ns-end" label={t('org.field.end')} type="time" value={form.end} onChange={(end) => setForm({ ...form, end })} required />
          <div className="form-row">
            <label htmlFor="ns-room">{t('org.field.room')}</label>
            <select id="ns-room" value={form.roomId} onChange={(e) => setForm({ ...form, roomId: e.target.value })}>
              <option value="">{t('org.noRoom')}</option>
              {data?.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          {feedback}
          <button type="submit" className="button--primary">
            {t('org.add')}
          </button>
        </form>
      </section>
    </>
  );
}
