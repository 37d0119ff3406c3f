import { useId, useState } from 'react';
import type { FishbowlChairView, FishbowlView } from '@podium/contracts';
import type { FishbowlHandle } from '../fishbowl/useFishbowl';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  chair: FishbowlChairView;
  view: FishbowlView;
  fishbowl: FishbowlHandle;
  busy: boolean;
  run(command: () => Promise<unknown>, okText?: string): void;
}

/**
 * On a fixed chair: while its panelist is absent, seat someone from the queue in their place; while a
 * substitute sits there, hand the chair back to the panelist.
 */
export function SubstituteControl({ chair, view, fishbowl, busy, run }: Props) {
  const { t } = useI18n();
  const selectId = useId();
  const fixed = view.settings.fixedChairs[chair.index];
  const candidates = view.queue.filter((q) => !q.invited && !q.away); // someone who left cannot stand in
  const [personId, setPersonId] = useState('');
  const o = chair.occupant;
  if (chair.kind !== 'fixed' || !fixed || !o) return null;
  const send = (id: string, ok: string) => run(() => fishbowl.send('fishbowl:substitute', { chairIndex: chair.index, personId: id, expectedVersion: view.version }), ok);
  if (o.personId !== fixed.personId) {
    return (
      <button type="button" disabled={busy} onClick={() => send(fixed.personId, t('mod.substituteBackOk', { name: fixed.displayName }))}>
        {t('mod.substituteBack', { name: fixed.displayName })}
      </button>
    );
  }
  if (o.connected || candidates.length === 0) return null;
  const chosen = candidates.find((q) => q.personId === personId) ?? candidates[0];
  return (
    <span className="substitute">
      <label htmlFor={selectId}>{t('mod.substituteLabel', { name: fixed.displayName })}</label>{' '}
      <select id={selectId} value={chosen.personId} onChange={(e) => setPersonId(e.target.value)}>
        {candidates.map((q) => (
          <option key={q.personId} value={q.personId}>
            {q.displayName}
          </option>
        ))}
      </select>{' '}
      <button type="button" disabled={busy} onClick={() => send(chosen.personId, t('mod.substituteOk', { name: chosen.displayName }))}>
        {t('mod.substitute')}
      </button>
    </span>
  );
}
