import { useState, type FormEvent } from 'react';
import { signInAsGuest } from '../api/auth';
import { useI18n } from '../i18n/I18nProvider';
import { useAuth } from './AuthProvider';
import { GuestSignInError } from './GuestSignInError';

/** Sign in with just a name, right where it is needed (hall mode). */
export function GuestInline({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      const res = await signInAsGuest(slug, name.trim());
      signIn({ token: res.token, displayName: res.person.displayName });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form is-large" onSubmit={submit}>
      <label htmlFor="hall-name">{t('guest.name')}</label>
      <input id="hall-name" autoComplete="name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      {error ? <GuestSignInError error={error} /> : null}
      <button type="submit" className="button--primary" disabled={busy}>
        {t('hall.join')}
      </button>
      <p className="muted small">{t('guest.invitedHint')}</p>
    </form>
  );
}
