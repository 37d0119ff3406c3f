import type { ProgrammeData, SessionView } from '../api/programme';
import type { FishbowlView } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { StageTiles, type StageCast } from './StageTiles';
import { useStageLayout } from './useStageLayout';
import type { StageLayout } from '@podium/contracts';

/** Chair order: the fishbowl's occupied chairs by index, else the session's people as the programme lists them. */
export function castOf(info: SessionView | undefined, programme: ProgrammeData | undefined, view: FishbowlView | null): StageCast {
  const seated = view ? [...view.chairs].sort((a, b) => a.index - b.index).flatMap((c) => (c.occupant ? [c.occupant.personId] : [])) : [];
  const listed = info ? info.people.filter((p) => p.role !== 'interpreter' && p.role !== 'captioner').map((p) => p.personId) : [];
  const chairOrder = [...seated, ...listed.filter((id) => !seated.includes(id))];
  const functionOf = (personId: string) =>
    programme?.people.find((p) => p.id === personId)?.function ?? info?.people.find((p) => p.personId === personId)?.function ?? null;
  return { chairOrder, functionOf };
}

/**
 * The viewers' stage in the layout the moderation chose, with the change announced politely. As the console's
 * `preview` it announces nothing (the console's live region says the result) and shows the interpreter in the
 * stage, since the console has no picture-in-picture.
 */
export function LayoutStage({ grantLayout, cast, preview = false }: { grantLayout: StageLayout | undefined; cast: StageCast; preview?: boolean }) {
  const { t } = useI18n();
  const { layout, changed } = useStageLayout(grantLayout);
  const name = t(`layout.name.${layout}` as MessageKey);
  return (
    <>
      <p className="stage-layout-name muted small" data-testid="stage-layout-name">
        {t('layout.current', { name })}
      </p>
      {!preview && (
        <p role="status" className="visually-hidden" data-testid="stage-layout-announce">
          {changed > 0 ? t('layout.announce', { name }) : ''}
        </p>
      )}
      <StageTiles pinnedAsPip={!preview} layout={layout} cast={cast} />
    </>
  );
}
