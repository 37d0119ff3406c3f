import type { FishbowlView } from '@podium/contracts';
import { endSession, extendSession, startSession } from '../api/moderation';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { ConfirmButton } from '../ui/ConfirmButton';
import type { FishbowlHandle } from '../fishbowl/useFishbowl';

interface Props {
  sessionId: string;
  /** The programme says the session is live: starting it again makes no sense. */
  live: boolean;
  fishbowl: FishbowlHandle | null;
  view: FishbowlView | null;
  busy: boolean;
  run(command: () => Promise<unknown>, okText?: string): void;
}

/** Start, extend and end the session (programme) and its fishbowl (queue and chairs). */
export function SessionControls({ sessionId, live, fishbowl, view, busy, run }: Props) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="session-controls-heading" className="panel">
      <h2 id="session-controls-heading">{t('mod.session')}</h2>
      {view && <p>{t('mod.fishbowlStatus', { status: t(`mod.status.${view.status}` as MessageKey) })}</p>}
      <div className="actions">
        {!live && (
          <button type="button" disabled={busy} onClick={() => run(() => startSession(sessionId), t('mod.sessionStarted'))}>
            {t('mod.startSession')}
          </button>
        )}
        {[5, 10, 15].map((m) => (
          <button key={m} type="button" disabled={busy} onClick={() => run(() => extendSession(sessionId, m), t('mod.sessionExtended', { minutes: m }))}>
            {t('mod.extend', { minutes: m })}
          </button>
        ))}
        <ConfirmButton question={t('mod.endSessionQuestion')} disabled={busy} onConfirm={() => run(() => endSession(sessionId), t('mod.sessionEnded'))}>
          {t('mod.endSession')}
        </ConfirmButton>
      </div>
      {fishbowl && view && (
        <div className="actions">
          {view.status === 'draft' && (
            <button type="button" className="button--primary" disabled={busy} onClick={() => run(() => fishbowl.send('fishbowl:start', { expectedVersion: view.version }), t('mod.fishbowlStarted'))}>
              {t('mod.startFishbowl')}
            </button>
          )}
          {view.status === 'running' && (
            <ConfirmButton question={t('mod.endFishbowlQuestion')} disabled={busy} onConfirm={() => run(() => fishbowl.send('fishbowl:end', { expectedVersion: view.version }), t('mod.fishbowlEnded'))}>
              {t('mod.endFishbowl')}
            </ConfirmButton>
          )}
        </div>
      )}
    </section>
  );
}
