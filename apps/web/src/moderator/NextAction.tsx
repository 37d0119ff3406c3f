import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FishbowlView } from '@podium/contracts';
import { TOP_BAR_SLOT } from '../app/Layout';
import type { FishbowlHandle } from '../fishbowl/useFishbowl';
import { useI18n } from '../i18n/I18nProvider';


interface Props {
  fishbowl: FishbowlHandle;
  view: FishbowlView;
  busy: boolean;
  run(command: () => Promise<unknown>, okText?: string): void;
}

/** What the moderator should do next: confirm a rotation, else invite the head of the queue. */
export function nextActionOf(view: FishbowlView): { kind: 'rotate' | 'invite'; personId: string; name: string } | { kind: 'none' } {
  if (view.rotation) return { kind: 'rotate', personId: view.rotation.personId, name: view.rotation.displayName };
  const freeChair = view.chairs.some((c) => c.kind === 'open' && !c.occupant && !c.heldFor);
  // Someone marked away is passed over, as auto mode does; they stay invitable from the queue.
  const head = view.queue.find((q) => !q.invited && !q.away);
  if (view.status === 'running' && freeChair && head) return { kind: 'invite', personId: head.personId, name: head.displayName };
  return { kind: 'none' };
}

/**
 * The next action, pinned above the page (first after the skip link in Tab order) so it is always in
 * view and one or two Tab presses away. Alt+N runs it from anywhere on the console.
 */
export function NextAction({ fishbowl, view, busy, run }: Props) {
  const { t } = useI18n();
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => setSlot(document.getElementById(TOP_BAR_SLOT)), []);
  const next = nextActionOf(view);
  const act = () => {
    if (next.kind === 'rotate') run(() => fishbowl.send('fishbowl:confirm-rotation', { personId: next.personId, expectedVersion: view.version }), t('mod.rotated', { name: next.name }));
    if (next.kind === 'invite') run(() => fishbowl.send('fishbowl:invite', { personId: next.personId, expectedVersion: view.version }), t('mod.invitedOk', { name: next.name }));
  };
  useShortcuts(act, busy);
  if (!slot) return null;
  return createPortal(
    <section className="next-action" aria-label={t('mod.nextAction')}>
      <span className="next-action__label">{t('mod.nextAction')}:</span>
      {next.kind === 'none' ? (
        <span>{t(view.status === 'running' ? 'mod.nextNothing' : 'mod.nextNotRunning')}</span>
      ) : (
        <button type="button" className="button--primary" disabled={busy} onClick={act} aria-keyshortcuts="Alt+N">
          {next.kind === 'rotate' ? t('mod.nextRotate', { name: next.name }) : t('mod.nextInvite', { name: next.name })}
        </button>
      )}
    </section>,
    slot,
  );
}

/** Alt+N: the next action; Alt+Q / Alt+C / Alt+S: focus the queue, the chairs, the stage. */
function useShortcuts(act: () => void, busy: boolean) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const target = { KeyQ: 'mod-queue-heading', KeyC: 'mod-chairs-heading', KeyS: 'mod-stage-heading' }[e.code];
      if (e.code === 'KeyN') {
        e.preventDefault();
        if (!busy) act();
      } else if (target) {
        e.preventDefault();
        const heading = document.getElementById(target);
        heading?.setAttribute('tabindex', '-1');
        heading?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, busy]);
}
