import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import {
  deliveryProgress,
  importParticipants,
  participants,
  previewParticipants,
  resendInvitation,
  sendInvitations,
  withdrawInvitation,
  type DeliveryProgress,
  type ImportPreview,
  type ParticipantDelivery,
} from '../api/invitations';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { ErrorNote } from '../ui/Async';

/** Participant list import (preview first), invitation mails and their delivery state. */
export function InvitationsTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [people, setPeople] = useState<ParticipantDelivery[]>([]);
  const [progress, setProgress] = useState<DeliveryProgress | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const [list, counts] = await Promise.all([participants(slug), deliveryProgress(slug)]);
    setPeople(list);
    setProgress(counts);
  }, [slug]);
  useEffect(() => {
    void refresh().catch(setError);
    // Sending runs in the background: the state is read again every few seconds.
    const timer = setInterval(() => void refresh().catch(() => undefined), 3000);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = async (work: () => Promise<string | void>) => {
    setBusy(true);
    setError(undefined);
    try {
      setNote((await work()) ?? '');
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) {
      setCsv(await file.text());
      setPreview(null);
    }
  };

  return (
    <section aria-labelledby="org-invitations" className="panel">
      <h2 id="org-invitations">{t('org.tab.invitations')}</h2>
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="inv-file">{t('org.inv.file')}</label>
        <input id="inv-file" type="file" accept="text/csv,.csv" onChange={onFile} />
        <label htmlFor="inv-text">{t('org.inv.paste')}</label>
        <textarea id="inv-text" value={csv} onChange={(e) => (setCsv(e.target.value), setPreview(null))} rows={6} spellCheck={false} />
        <div className="form-actions">
          <button type="button" disabled={busy || !csv.trim()} onClick={() => void act(async () => setPreview(await previewParticipants(slug, csv)))}>
            {t('org.inv.preview')}
          </button>
          <button
            type="button"
            className="button--primary"
            disabled={busy || !preview || preview.errors.length > 0 || preview.valid === 0}
            onClick={() =>
              void act(async () => {
                const { imported } = await importParticipants(slug, csv);
                setCsv('');
                setPreview(null);
                return t('org.inv.imported', { n: imported });
              })
            }
          >
            {t('org.inv.import')}
          </button>
        </div>
      </form>
      {error ? <ErrorNote error={error} /> : null}
      <div role="status">
        {note && <p>{note}</p>}
        {preview && (
          <div>
            <p>{t('org.inv.previewSummary', { valid: preview.valid, errors: preview.errors.length })}</p>
            {preview.errors.length > 0 && (
              <ul className="plain-list">
                {preview.errors.map((e, i) => (
                  <li key={i}>
                    {t('org.inv.line', { line: e.line })} ({e.field}): {e.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <h3>{t('org.inv.delivery')}</h3>
      {progress && (
        <p aria-live="polite">
          {t('org.inv.progress', { people: progress.people, sent: progress.sent, queued: progress.queued, failed: progress.failed, signedIn: progress.signedIn })}
          {progress.inDoubt > 0 ? ` ${t('org.inv.progressInDoubt', { n: progress.inDoubt })}` : ''}
        </p>
      )}
      <button type="button" className="button--primary" disabled={busy || people.length === 0} onClick={() => void act(async () => t('org.inv.queued', { n: (await sendInvitations(slug)).queued }))}>
        {t('org.inv.send')}
      </button>
      {people.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('org.inv.name')}</th>
              <th scope="col">{t('org.inv.email')}</th>
              <th scope="col">{t('org.inv.state')}</th>
              <th scope="col">{t('org.inv.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.personId}>
                <td>
                  {p.name}
                  {p.erasureRequestedAt ? <span className="badge">{t('org.inv.erasure')}</span> : null}
                </td>
                <td>{p.email}</td>
                <td>
                  {p.invitation ? t(`org.inv.state.${p.invitation.state}` as MessageKey) : t('org.inv.state.none')}
                  {p.invitation?.signedIn ? ` · ${t('org.inv.signedIn')}` : ''}
                  {p.invitation?.lastError && p.invitation.state !== 'in_doubt' && !p.invitation.sentAgain ? ` · ${p.invitation.lastError}` : ''}
                  {p.invitation?.state === 'in_doubt' ? <span className="muted"> · {t('org.inv.inDoubtHint')}</span> : null}
                  {p.invitation?.state === 'sent' && p.invitation.sentAgain ? <span className="muted"> · {t('org.inv.sentAgainHint')}</span> : null}
                </td>
                <td>
                  <button type="button" disabled={busy} onClick={() => void act(async () => void (await withdrawInvitation(slug, p.personId)))}>
                    {t('org.inv.withdraw')}
                  </button>{' '}
                  <button type="button" disabled={busy} onClick={() => void act(async () => void (await resendInvitation(slug, p.personId)))}>
                    {t('org.inv.resend')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
