import { useState } from 'react';
import { getCalendarFeed, rotateCalendarFeed } from '../api/calendar-feed';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote, Loading, useAsync, useErrorText } from '../ui/Async';
import { ConfirmButton } from '../ui/ConfirmButton';

/** `https://…` → `webcal://…`, which calendar apps open as a subscription. */
export const webcalOf = (url: string) => url.replace(/^https?:\/\//, 'webcal://');

/**
 * "Mein Programm" as a calendar subscription: my bookmarks of every conference, kept current by the
 * calendar app. Only for signed-in people; the link can be renewed when it was shared by mistake.
 */
export function PersonalCalendar() {
  const { session } = useAuth();
  if (!session) return null;
  return <PersonalCalendarLink />;
}

function PersonalCalendarLink() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { data, error, loading, reload, setData } = useAsync((signal) => getCalendarFeed(signal), []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const rotate = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const feed = await rotateCalendarFeed();
      setData(() => feed);
      setMessage({ kind: 'ok', text: t('feed.rotated') });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ kind: 'ok', text: t('feed.copied') });
    } catch {
      setMessage({ kind: 'error', text: t('feed.copyFailed') });
    }
  };

  return (
    <section aria-labelledby="feed-heading" className="panel personal-calendar">
      <h2 id="feed-heading" className="h3">
        {t('feed.heading')}
      </h2>
      <p className="muted small">{t('feed.hint')}</p>
      {error ? <ErrorNote error={error} onRetry={reload} /> : null}
      {loading && !data && <Loading />}
      {data && (
        <>
          <p>
            <a className="button button--primary" href={webcalOf(data.url)}>
              {t('feed.subscribe')}
            </a>
          </p>
          <label htmlFor="feed-url">{t('feed.urlLabel')}</label>
          <div className="feed-url">
            <input id="feed-url" type="text" readOnly value={data.url} onFocus={(e) => e.currentTarget.select()} data-testid="calendar-feed-url" />
            <button type="button" onClick={() => void copy(data.url)}>
              {t('feed.copy')}
            </button>
          </div>
          <div className="actions">
            <ConfirmButton question={t('feed.rotateQuestion')} disabled={busy} onConfirm={() => void rotate()}>
              {t('feed.rotate')}
            </ConfirmButton>
          </div>
        </>
      )}
      <div role="status" aria-live="polite">
        {message && <p className={`notice ${message.kind === 'ok' ? 'notice--ok' : 'notice--error'}`}>{message.text}</p>}
      </div>
    </section>
  );
}
