import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { loadProgramme } from '../api/programme';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { useFormat } from '../i18n/format';
import type { MessageKey } from '../i18n/types';
import { byStart, roomName, shownStart } from '../programme/helpers';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote, Loading } from '../ui/Async';
import { editorId, SessionEditor } from './SessionEditor';
import { SessionForm } from './SessionForm';

export function SessionsTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  // Live: edits by other organisers show up, and the shared programme cache follows our own writes.
  const { data, error, loading, setData } = useProgramme(slug, { live: true });
  const f = useFormat(data?.conference.timezone);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const listHeading = useRef<HTMLHeadingElement>(null);

  // The row of a just-closed editor may be re-sorted (our save, a live push), which drops focus; put it back.
  const keepFocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = keepFocus.current;
    if (id && (!document.activeElement || document.activeElement === document.body)) editButtons.current.get(id)?.focus({ preventScroll: true });
  }, [data]);
  useEffect(() => {
    const forget = (e: FocusEvent) => {
      if (keepFocus.current && e.target !== editButtons.current.get(keepFocus.current)) keepFocus.current = null;
    };
    document.addEventListener('focusin', forget);
    return () => document.removeEventListener('focusin', forget);
  }, []);

  /** Loads the programme afresh: useProgramme's reload answers from its cache. */
  const refresh = async () => {
    try {
      const fresh = await loadProgramme(slug);
      setData(() => fresh);
    } catch {
      // The list keeps what it shows; the live link loads it again on the next change.
    }
  };
  const close = (id: string, message?: string) => {
    flushSync(() => setEditing(null));
    if (message) setStatus(message);
    editButtons.current.get(id)?.focus();
    keepFocus.current = id;
  };
  // The list shows the saved state before the editor closes, so nothing stale can be reopened.
  const saved = async (id: string, message: string) => {
    await refresh();
    close(id, message);
  };
  const deleted = async (title: string) => {
    await refresh();
    flushSync(() => setEditing(null));
    setStatus(t('org.session.deleted', { title }));
    listHeading.current?.focus();
  };

  return (
    <>
      <section aria-labelledby="org-sessions" className="panel">
        <h2 id="org-sessions" ref={listHeading} tabIndex={-1}>
          {t('org.tab.sessions')}
        </h2>
        {loading && !data && <Loading />}
        {error ? <ErrorNote error={error} /> : null}
        <p role="status">{status}</p>
        {data && (
          <ul className="plain-list session-rows">
            {[...data.sessions].sort(byStart).map((s) => (
              <li key={s.id} data-session-id={s.id}>
                <span className="muted">{f.dateTime(shownStart(s))}</span> · {roomName(s, data) ?? '–'} · <Link to={paths.session(slug, s.id)}>{s.title}</Link> <span className="badge">{t(`kind.${s.kind}` as MessageKey)}</span>{' '}
                <span className="session-rows__actions">
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) editButtons.current.set(s.id, el);
                      else editButtons.current.delete(s.id);
                    }}
                    aria-expanded={editing === s.id}
                    aria-controls={editing === s.id ? editorId(s.id) : undefined}
                    onClick={() => (editing === s.id ? close(s.id) : setEditing(s.id))}
                  >
                    {t('org.session.edit')}
                    <span className="visually-hidden">: {s.title}</span>
                  </button>
                  <Link to={paths.moderate(slug, s.id)}>
                    {t('session.moderate')}
                    <span className="visually-hidden">: {s.title}</span>
                  </Link>
                </span>
                {editing === s.id && <SessionEditor slug={slug} programme={data} session={s} onClose={(message) => (message ? void saved(s.id, message) : close(s.id))} onDeleted={(title) => void deleted(title)} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="org-new-session" className="panel">
        <h2 id="org-new-session">{t('org.newSession')}</h2>
        {data && <SessionForm idPrefix="ns" slug={slug} programme={data} onSaved={() => void refresh()} />}
      </section>
    </>
  );
}
