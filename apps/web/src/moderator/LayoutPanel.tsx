import { useState } from 'react';
import { STAGE_LAYOUTS, type StageLayout } from '@podium/contracts';
import { setStageLayout } from '../api/moderation';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { useStageLayout } from '../session/useStageLayout';
import type { RunCommand } from './useCommand';

/** The stage layout every viewer sees, chosen here (radio buttons: arrows move and choose); the result goes to the console's live region. */
export function LayoutPanel({ sessionId, grantLayout, busy, run }: { sessionId: string; grantLayout: StageLayout | undefined; busy: boolean; run: RunCommand }) {
  const { t } = useI18n();
  const { layout } = useStageLayout(grantLayout);
  // What this console chose last, until the room's metadata says otherwise.
  const [chosen, setChosen] = useState<{ layout: StageLayout; over: StageLayout } | null>(null);
  const current = chosen && chosen.over === layout ? chosen.layout : layout;
  const choose = (next: StageLayout) => {
    setChosen({ layout: next, over: layout });
    const name = t(`layout.name.${next}` as MessageKey);
    run(
      () => setStageLayout(sessionId, next),
      (answer) => t(answer.applied ? 'layout.saved' : 'layout.savedLater', { name }),
    );
  };
  return (
    <fieldset className="layout-choice" data-testid="layout-choice" aria-busy={busy}>
      <legend>{t('layout.choose')}</legend>
      {STAGE_LAYOUTS.map((l) => (
        <label key={l}>
          <input type="radio" name={`layout-${sessionId}`} value={l} checked={current === l} onChange={() => choose(l)} aria-describedby={`layout-hint-${l}`} />
          <span>
            {t(`layout.name.${l}` as MessageKey)}
            <span id={`layout-hint-${l}`} className="muted small layout-choice__hint">
              {t(`layout.hint.${l}` as MessageKey)}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
