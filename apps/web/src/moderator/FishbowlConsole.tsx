import type { FishbowlView } from '@podium/contracts';
import { useAuth } from '../auth/AuthProvider';
import { ChairsList } from '../fishbowl/ChairsList';
import { useServerNow } from '../fishbowl/clock';
import { QueueList } from '../fishbowl/QueueList';
import type { FishbowlHandle } from '../fishbowl/useFishbowl';
import { useI18n } from '../i18n/I18nProvider';
import { makeFormatters } from '../i18n/format';
import type { MessageKey } from '../i18n/types';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ParticipantActions } from './ParticipantActions';
import { SettingsForm } from './SettingsForm';
import { SubstituteControl } from './SubstituteControl';
import { useConnectionQuality } from './useConnectionQuality';

interface Props {
  sessionId: string;
  fishbowl: FishbowlHandle;
  view: FishbowlView;
  busy: boolean;
  run(command: () => Promise<unknown>, okText?: string): void;
  /** The console's columns: chairs (with the stage) or the queue with rotation and settings. */
  part: 'chairs' | 'queue';
}

/** Chairs, invitations, rotation, rounds, the queue and the settings of one fishbowl. */
export function FishbowlConsole({ sessionId, fishbowl, view, busy, run, part }: Props) {
  const { t, lang } = useI18n();
  const myId = useAuth().me?.person.id;
  const f = makeFormatters(lang, 'UTC');
  const now = useServerNow(fishbowl.offsetMs);
  const quality = useConnectionQuality();
  const v = view.version;
  const freeChair = view.chairs.some((c) => c.kind === 'open' && !c.occupant && !c.heldFor);
  const last = view.queue.length - 1;
  if (part === 'chairs') return (
      <section aria-labelledby="mod-chairs-heading" className="panel">
        <h2 id="mod-chairs-heading">{t('fishbowl.chairs')}</h2>
        <ChairsList
          chairs={view.chairs}
          now={now}
          myId={myId}
          quality={quality}
          actions={(c) => (
            <>
              {c.occupant!.personId !== myId && <ParticipantActions sessionId={sessionId} personId={c.occupant!.personId} name={c.occupant!.displayName} busy={busy} run={run} />}
              <SubstituteControl chair={c} view={view} fishbowl={fishbowl} busy={busy} run={run} />
              {c.kind === 'open' && (
                <ConfirmButton question={t('mod.removeQuestion', { name: c.occupant!.displayName })} disabled={busy} onConfirm={() => run(() => fishbowl.send('fishbowl:remove', { personId: c.occupant!.personId, expectedVersion: v }))}>
                  {t('mod.remove')}
                  <span className="visually-hidden"> {c.occupant!.displayName}</span>
                </ConfirmButton>
              )}
            </>
          )}
        />
        {view.invitations.length > 0 && (
          <>
            <h3>{t('mod.invitations')}</h3>
            <ul className="plain-list">
              {view.invitations.map((i) => (
                <li key={i.personId}>
                  {t('mod.invitationOpen', { name: i.displayName, chair: i.chairIndex + 1, time: f.clock(i.expiresAt - now) })}{' '}
                  {i.guest && <><span className="badge badge--guest">{t('fishbowl.guest')}</span>{' '}</>}
                  <button type="button" disabled={busy} onClick={() => run(() => fishbowl.send('fishbowl:cancel-invitation', { personId: i.personId, expectedVersion: v }))}>
                    {t('mod.cancelInvitation')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
  );
  return (
    <>
      <section aria-labelledby="mod-queue-heading" className="panel">
        <h2 id="mod-queue-heading">{t('fishbowl.queueHeading', { count: view.queue.length })}</h2>
        <QueueList
          queue={view.queue}
          actions={(e, i) => (
            <>
              <button type="button" className="button--primary" disabled={busy || e.invited || !freeChair} onClick={() => run(() => fishbowl.send('fishbowl:invite', { personId: e.personId, expectedVersion: v }), t('mod.invitedOk', { name: e.displayName }))}>
                {t('mod.invite')}
                <span className="visually-hidden"> {e.displayName}</span>
              </button>
              <button type="button" disabled={busy || i === 0} onClick={() => run(() => fishbowl.send('fishbowl:move', { personId: e.personId, toIndex: i - 1, expectedVersion: v }))} aria-label={t('mod.moveUp', { name: e.displayName })}>
                ↑
              </button>
              <button type="button" disabled={busy || i === last} onClick={() => run(() => fishbowl.send('fishbowl:move', { personId: e.personId, toIndex: i + 1, expectedVersion: v }))} aria-label={t('mod.moveDown', { name: e.displayName })}>
                ↓
              </button>
              <button type="button" disabled={busy || i === last} onClick={() => run(() => fishbowl.send('fishbowl:move', { personId: e.personId, toIndex: last, expectedVersion: v }))}>
                {t('mod.skip')}
                <span className="visually-hidden"> {e.displayName}</span>
              </button>
              <ConfirmButton question={t('mod.withdrawQuestion', { name: e.displayName })} disabled={busy} onConfirm={() => run(() => fishbowl.send('fishbowl:withdraw', { personId: e.personId }))}>
                {t('mod.withdraw')}
                <span className="visually-hidden"> {e.displayName}</span>
              </ConfirmButton>
            </>
          )}
        />
      </section>

      <section aria-labelledby="mod-rotation-heading" className="panel">
        <h2 id="mod-rotation-heading">{t('mod.rotation')}</h2>
        {view.rotation ? (
          <div data-testid="rotation-suggestion">
            <p>
              {t('mod.rotationSuggestion', {
                name: view.rotation.displayName,
                chair: view.rotation.chairIndex + 1,
                policy: t(`mod.policy.${view.rotation.policy}` as MessageKey),
              })}
            </p>
            {view.settings.auto && <p className="muted small">{t('mod.rotationAuto', { time: f.clock(view.rotation.dueAt - now) })}</p>}
            <button type="button" className="button--primary" disabled={busy} onClick={() => run(() => fishbowl.send('fishbowl:confirm-rotation', { personId: view.rotation!.personId, expectedVersion: v }), t('mod.rotated', { name: view.rotation!.displayName }))}>
              {t('mod.confirmRotation')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('mod.noRotation')}</p>
        )}
        {view.round && (
          <p>
            {t('mod.round', { n: view.round.number, time: f.clock(view.round.endsAt - now) })}{' '}
            <button type="button" disabled={busy} onClick={() => run(() => fishbowl.send('fishbowl:end-round', { expectedVersion: v }))}>
              {t('mod.endRound')}
            </button>
          </p>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={view.settings.auto} disabled={busy} onChange={(e) => run(() => fishbowl.send('fishbowl:configure', { settings: { auto: e.target.checked }, expectedVersion: v }))} />
          {t('mod.autoMode')}
        </label>
      </section>


      <section aria-labelledby="mod-settings-heading" className="panel">
        <h2 id="mod-settings-heading">{t('mod.settings')}</h2>
        <SettingsForm settings={view.settings} busy={busy} onSave={(patch) => run(() => fishbowl.send('fishbowl:configure', { settings: patch, expectedVersion: v }), t('mod.settingsSaved'))} />
      </section>
    </>
  );
}
