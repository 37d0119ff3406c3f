import type { CaptionSegment } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { CAPTION_CONTRASTS, CAPTION_POSITIONS, CAPTION_SIZES, type CaptionPrefs } from './caption-prefs';
import { useCaptionPrefs } from './useCaptionPrefs';
import { useCaptionStream } from './useCaptionStream';

/**
 * The captions themselves, styled by the viewer's preferences. Presentational only: the live page,
 * hall mode and the projector view feed it segments (useCaptionStream inside a LiveKitRoom).
 */
export function CaptionsView({ segments, prefs }: { segments: readonly CaptionSegment[]; prefs: CaptionPrefs }) {
  const { t } = useI18n();
  if (!prefs.on) return null;
  return (
    <div
      className={`captions captions--${prefs.size} captions--${prefs.contrast} captions--${prefs.position}`}
      role="log"
      aria-live="polite"
      aria-label={t('captions.region')}
      data-testid="captions"
    >
      {segments.length === 0 ? (
        <p className="captions__line captions__line--waiting">{t('captions.waiting')}</p>
      ) : (
        segments.map((s) => (
          <p key={s.segmentId} className={`captions__line${s.final ? '' : ' captions__line--interim'}`} lang={s.language ?? undefined}>
            {s.speaker && <span className="captions__speaker">{s.speaker}: </span>}
            {s.text}
          </p>
        ))
      )}
    </div>
  );
}

/** On/off, size, contrast and position; every control a native one, so the keyboard works as usual. */
export function CaptionSettings({ prefs, onChange }: { prefs: CaptionPrefs; onChange: (change: Partial<CaptionPrefs>) => void }) {
  const { t } = useI18n();
  return (
    <details className="caption-settings">
      <summary>{t('captions.settings')}</summary>
      <label className="caption-settings__row">
        <input type="checkbox" checked={prefs.on} onChange={(e) => onChange({ on: e.target.checked })} /> {t('captions.show')}
      </label>
      <label className="caption-settings__row">
        {t('captions.size')}{' '}
        <select value={prefs.size} onChange={(e) => onChange({ size: e.target.value as CaptionPrefs['size'] })}>
          {CAPTION_SIZES.map((v) => <option key={v} value={v}>{t(`captions.size.${v}`)}</option>)}
        </select>
      </label>
      <label className="caption-settings__row">
        {t('captions.contrast')}{' '}
        <select value={prefs.contrast} onChange={(e) => onChange({ contrast: e.target.value as CaptionPrefs['contrast'] })}>
          {CAPTION_CONTRASTS.map((v) => <option key={v} value={v}>{t(`captions.contrast.${v}`)}</option>)}
        </select>
      </label>
      <label className="caption-settings__row">
        {t('captions.position')}{' '}
        <select value={prefs.position} onChange={(e) => onChange({ position: e.target.value as CaptionPrefs['position'] })}>
          {CAPTION_POSITIONS.map((v) => <option key={v} value={v}>{t(`captions.position.${v}`)}</option>)}
        </select>
      </label>
    </details>
  );
}

/** Live captions with their settings; must sit inside a LiveKitRoom. */
export function LiveCaptions() {
  const [prefs, update] = useCaptionPrefs();
  const segments = useCaptionStream();
  return (
    <section className="live-captions">
      <CaptionSettings prefs={prefs} onChange={update} />
      <CaptionsView segments={segments} prefs={prefs} />
    </section>
  );
}
