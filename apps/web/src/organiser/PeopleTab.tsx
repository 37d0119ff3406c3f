import { useState, type FormEvent } from 'react';
import { createInvitation, type ConferenceRole } from '../api/auth';
import { loadPeople } from '../api/organiser';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { ErrorNote, Loading, useAsync } from '../ui/Async';
import { Field } from './Field';

const ROLES: ConferenceRole[] = ['attendee', 'speaker', 'moderator', 'interpreter', 'captioner', 'organiser'];

export function PeopleTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const people = useAsync((signal) => loadPeople(slug, signal), [slug]);
  const [form, setForm] = useState<{ displayName: string; role: ConferenceRole; email: string }>({ displayName: '', role: 'attendee', email: '' });
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setLink(null);
    try {
      const res = await createInvitation(slug, { displayName: form.displayName, role: form.role, email: form.email || undefined });
      setLink(res.link);
      people.reload();
    } catch (err) {
      setError(err);
    }
  };
  const list = people.data ?? [];
  return (
    <>
      <section aria-labelledby="org-invite" className="panel">
        <h2 id="org-invite">{t('org.invite')}</h2>
        <form className="form" onSubmit={submit}>
          <Field id="inv-name" label={t('org.field.name')} value={form.displayName} onChange={(displayName) => setForm({ ...form, displayName })} required />
          <div className="form-row">
            <label htmlFor="inv-role">{t('org.field.role')}</label>
            <select id="inv-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as ConferenceRole })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <Field id="inv-email" label={t('org.field.emailOptional')} type="email" value={form.email} onChange={(email) => setForm({ ...form, email })} />
          {error ? <ErrorNote error={error} /> : null}
          <button type="submit" className="button--primary">
            {t('org.createLink')}
          </button>
        </form>
        <div role="status">
          {link && (
            <div className="notice notice--ok">
              <p>{t('org.linkCreated', { name: form.displayName })}</p>
              <p>
                <code className="break" data-testid="invitation-link">
                  {link}
                </code>
              </p>
              <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>
                {t('org.copy')}
              </button>
            </div>
          )}
        </div>
      </section>
      <section aria-labelledby="org-people" className="panel">
        <h2 id="org-people">{t('org.peopleAndRoles')}</h2>
        {people.loading && <Loading />}
        {people.error ? <p className="muted">{t('org.notYetAvailable')}</p> : null}
        {list.length > 0 && (
          <ul className="plain-list">
            {list.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> {[...new Set(p.sessions.map((s) => s.role))].map((r) => <span key={r} className="badge">{t(`role.${r}` as MessageKey)}</span>)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
