import { useParticipants } from '@livekit/components-react';
import type { SessionView } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import { makeFormatters } from '../i18n/format';
import { isLive, shownStart } from '../programme/helpers';
import { useNow } from '../programme/useProgramme';

/** Above the stage: a LIVE badge and the time since the start while live, and how many are in the room. */
export function StageHeader({ info }: { info: SessionView | undefined }) {
  const { t, lang } = useI18n();
  const now = useNow(1000);
  // Everyone in the LiveKit room: viewers, the people on stage and the moderation.
  const count = useParticipants().length;
  const live = !!info && isLive(info, now);
  const f = makeFormatters(lang, 'UTC');
  return (
    <p className="stage-header" data-testid="stage-header">
      {live && <span className="badge badge--live">{t('stage.live')}</span>}
      {live && info && <span>{t('stage.elapsed', { time: f.clock(Math.max(0, now - shownStart(info))) })}</span>}
      <span>{t('stage.viewers', { count })}</span>
    </p>
  );
}
