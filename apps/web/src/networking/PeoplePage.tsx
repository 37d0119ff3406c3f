import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { Link, paths } from '../app/router';
import { answerContact, askContact, directory, myRequests, optIn, optOut, type ContactRequestView, type DirectoryEntry } from '../api/networking';
import { canModerate, useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { SpeedSection } from './SpeedSection';

/** Meeting people: opt in to the directory, ask for contact, answer; details cross only when both agree. */
export function PeoplePage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { me, rolesIn } = useAuth();
  const mayRun = canModerate(rolesIn(slug));
  const [entries, setEntries] = useState<DirectoryEntry[] | null>(null);
  const [listed, setListed] = useState<boolean | null>(null);
  const [requests, setRequests] = useState<ContactRequestView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ function: '', organisation: '', topics: '', contact: '' });

  const load = useCallback(async () => {
    try {
      setEntries(await directory(slug));
      setListed(true);
      setRequests(await myRequests(slug));
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) setListed(false);
      else setError(e);
    }
  }, [slug]);
  useEffect(() => void load(), [load]);

  const join = (e: FormEvent) => {
    e.preventDefault();
    const topics = form.topics.split(',').map((x) => x.trim()).filter(Boolean);
    optIn(slug, { function: form.function || undefined, organisation: form.organisation || undefined, topics, contact: form.contact }).then(load, setError);
  };
  const act = (p: Promise<unknown>) => p.then(load, setError);
  const asked = new Set(requests.map((r) => r.other.personId));

  return (
    <div className="page people-page">
      <PageTitle title={t('people.title')} lead={t('people.lead')} />
      {error !== null && <ErrorNote error={error} />}
      {(listed || mayRun) && listed !== null && <SpeedSection slug={slug} runs={mayRun} listed={listed === true} />}
      {listed === false && (
        <form onSubmit={join} className="stack">
          <p>{t('people.optInText')}</p>
          {(['function', 'organisation', 'topics', 'contact'] as const).map((field) => (
            <p key={field}>
              <label htmlFor={`people-${field}`}>{t(`people.field.${field}`)}</label>{' '}
              <input id={`people-${field}`} value={form[field]} required={field === 'contact'} maxLength={field === 'contact' ? 300 : 120} onChange={(e) => setForm({ ...form, [field]: e.target.value })} />
            </p>
          ))}
          <button type="submit">{t('people.optIn')}</button>
        </form>
      )}
      {listed && (
        <>
          <section aria-labelledby="people-requests">
            <h2 id="people-requests">{t('people.requests')}</h2>
            {requests.length === 0 && <p>{t('people.noRequests')}</p>}
            <ul>
              {requests.map((r) => (
                <li key={r.id}>
                  {t(r.direction === 'sent' ? 'people.sentTo' : 'people.receivedFrom', { name: r.other.displayName })} – {t(`people.status.${r.status}`)}
                  {r.contact && <> · {t('people.contactOf', { contact: r.contact })}</>}
                  {r.status === 'accepted' && (
                    <>
                      {' '}
                      <Link to={paths.contactCall(slug, r.id)}>{t('people.call', { name: r.other.displayName })}</Link>
                    </>
                  )}
                  {r.direction === 'received' && r.status === 'pending' && (
                    <span className="actions">
                      {' '}
                      <button type="button" onClick={() => act(answerContact(slug, r.id, true))} aria-label={t('people.acceptFrom', { name: r.other.displayName })}>{t('people.accept')}</button>{' '}
                      <button type="button" onClick={() => act(answerContact(slug, r.id, false))} aria-label={t('people.declineFrom', { name: r.other.displayName })}>{t('people.decline')}</button>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="people-directory">
            <h2 id="people-directory">{t('people.directory')}</h2>
            <ul>
              {entries?.map((e) => (
                <li key={e.personId}>
                  <strong>{e.displayName}</strong>
                  {[e.function, e.organisation].filter(Boolean).length > 0 && <> – {[e.function, e.organisation].filter(Boolean).join(', ')}</>}
                  {e.topics.length > 0 && <> ({e.topics.join(', ')})</>}
                  {e.personId !== me?.person.id && !asked.has(e.personId) && (
                    <>
                      {' '}
                      <button type="button" onClick={() => act(askContact(slug, e.personId))} aria-label={t('people.askName', { name: e.displayName })}>{t('people.ask')}</button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <button type="button" onClick={() => act(optOut(slug).then(() => setRequests([])))}>{t('people.optOut')}</button>
        </>
      )}
    </div>
  );
}
