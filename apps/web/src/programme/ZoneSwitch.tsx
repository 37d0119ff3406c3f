import { useI18n } from '../i18n/I18nProvider';
import { useFormat } from '../i18n/format';

/** Times in the conference's timezone, or in the viewer's own; `at` (the conference's first day) picks summer or winter time for the label. */
export function ZoneSwitch({ conferenceZone, at }: { conferenceZone: string; at: string }) {
  const { t, zoneChoice, setZoneChoice, viewerZone } = useI18n();
  const f = useFormat(conferenceZone);
  return (
    <fieldset className="zone-switch">
      <legend>{t('zone.legend')}</legend>
      <label>
        <input type="radio" name="zone" checked={zoneChoice === 'conference'} onChange={() => setZoneChoice('conference')} />
        {t('zone.conference', { zone: conferenceZone.replace(/_/g, ' ') })}
      </label>
      <label>
        <input type="radio" name="zone" checked={zoneChoice === 'viewer'} onChange={() => setZoneChoice('viewer')} />
        {t('zone.viewer', { zone: viewerZone.replace(/_/g, ' ') })}
      </label>
      <p className="muted small">{t('zone.shown', { zone: f.zoneName(`${at}T12:00:00Z`) })}</p>
    </fieldset>
  );
}
