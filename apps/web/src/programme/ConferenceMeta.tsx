import type { ConferenceSummary } from '../api/conferences';
import { useI18n } from '../i18n/I18nProvider';
import { useFormat } from '../i18n/format';
import type { MessageKey } from '../i18n/types';

export function ConferenceMeta({ conference: c }: { conference: ConferenceSummary }) {
  const { t } = useI18n();
  const f = useFormat(c.timezone);
  const dates = c.startDate === c.endDate ? f.day(c.startDate) : `${f.day(c.startDate)} – ${f.day(c.endDate)}`;
  return (
    <p className="conference-meta">
      <span>{dates}</span>
      <span>{t(`format.${c.format}` as MessageKey)}</span>
      {c.venue && <span>{c.venue}</span>}
    </p>
  );
}
