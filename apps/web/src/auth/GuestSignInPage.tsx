import { useState, type FormEvent } from 'react';
import { signInAsGuest } from '../api/auth';
import { getConference } from '../api/conferences';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { PageFallback, useAsync } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { useAuth } from './AuthProvider';
import { GuestSignInError } from './GuestSignInError';

/** Guests type a name; invited people use the link they were sent. */
export function GuestSignInPage({ slug, next }: { slug: string; next: string | null }) {
  const { t } = useI18n();
  const { session, signIn } = useAuth();
  const conference = useAsync((signal) => getConference(slug, signal), [slug]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : paths.programme(slug);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await signInAsGuest(slug, name.trim());
      signIn({ token: res.token, displayName: res.person.displayName });
      navigate(target, true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (conference.loading) return <PageFallback title={t('guest.title')} />;
  if (conference.error) return <PageFallback title={t('guest.title')} error={conference.error} />;
  const c = conference.data!;
  return (
    <div className="page narrow">
      <PageTitle title={t('guest.title')} lead={c.title} />
      {session && <p className="notice">{t('guest.already', { name: session.displayName })}</p>}
      <p>{t('guest.invitedHint')}</p>
      {c.allowGuests ? (
        <form onSubmit={submit} className="form">
          <label htmlFor="guest-name">{t('guest.name')}</label>
          <input id="guest-name" name="displayName" autoComplete="name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
          <p className="muted small" id="guest-name-hint">
            {t('guest.nameHint')}
          </p>
          {error ? <GuestSignInError error={error} /> : null}
          <button type="submit" className="button--primary" disabled={busy}>
            {t('guest.submit')}
          </button>
        </form>
      ) : (
        <p className="notice">{t('guest.notAllowed')}</p>
      )}
    </div>
  );
}
