import { useEffect, useState } from 'react';
import { listBans, unban, type Ban } from '../api/moderation';
import { useFormat } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import type { RunCommand } from './useCommand';

interface Props {
  sessionId: string;
  zone: string | undefined;
  busy: boolean;
  run: RunCommand;
}

/** People removed from the session for good, each with a way back in (a removal by mistake happens). */
export function RemovedPanel({ sessionId, zone, busy, run }: Props) {
  const { t } = useI18n();
  const f = useFormat(zone);
  const [bans, setBans] = useState<Ban[] | null>(null);
  // Reload whenever a command finished: a removal elsewhere on this console adds a row here.
  useEffect(() => {
    if (busy) return;
    let live = true;
    listBans(sessionId).then((rows) => live && setBans(rows), () => live && setBans(null));
    return () => {
      live = false;
    };
  }, [sessionId, busy]);

  if (!bans || bans.length === 0) return null;
  return (
    <section aria-labelledby="mod-removed-heading" className="panel removed-people">
      <h2 id="mod-removed-heading">{t('mod.removed.heading')}</h2>
      <ul className="plain-list">
        {bans.map((b) => (
          <li key={b.personId} data-person={b.personId}>
            <strong>{b.displayName}</strong> <span className="muted small">{t('mod.removed.since', { time: f.time(b.bannedAt) })}</span>{' '}
            <button type="button" aria-disabled={busy} onClick={() => !busy && run(() => unban(sessionId, b.personId), t('mod.removed.backOk', { name: b.displayName }))}>
              {t('mod.removed.back')}
              <span className="visually-hidden"> {b.displayName}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
