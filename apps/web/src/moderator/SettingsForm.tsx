import { useEffect, useState, type FormEvent } from 'react';
import { FISHBOWL_LIMITS, type FishbowlQueuePolicy, type FishbowlRotationPolicy, type FishbowlSettings } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  settings: FishbowlSettings;
  busy: boolean;
  onSave(patch: Partial<FishbowlSettings>): void;
}

const toMin = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 60000)));
const toSec = (ms: number) => String(Math.round(ms / 1000));

/** Fishbowl settings: mode, chairs, policies, timers, auto mode. */
export function SettingsForm({ settings, busy, onSave }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => formOf(settings));
  useEffect(() => setDraft(formOf(settings)), [settings]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      mode: draft.mode,
      chairCount: Number(draft.chairCount),
      queuePolicy: draft.queuePolicy,
      rotationPolicy: draft.rotationPolicy,
      seatTimeLimitMs: draft.seatLimit === '' ? null : Number(draft.seatLimit) * 60000,
      invitationTimeoutMs: Number(draft.invitationTimeout) * 1000,
      roundLengthMs: Number(draft.roundLength) * 60000,
    });
  };
  return (
    <form className="form settings-form" onSubmit={submit}>
      <div className="form-row">
        <label htmlFor="set-mode">{t('mod.settings.mode')}</label>
        <select id="set-mode" value={draft.mode} onChange={(e) => setDraft({ ...draft, mode: e.target.value as 'open' | 'closed' })}>
          <option value="open">{t('mod.settings.modeOpen')}</option>
          <option value="closed">{t('mod.settings.modeClosed')}</option>
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="set-chairs">{t('mod.settings.chairs')}</label>
        <input id="set-chairs" type="number" min={Math.max(FISHBOWL_LIMITS.minChairs, settings.fixedChairs.length + 1)} max={FISHBOWL_LIMITS.maxChairs} value={draft.chairCount} onChange={(e) => setDraft({ ...draft, chairCount: e.target.value })} />
      </div>
      <div className="form-row">
        <label htmlFor="set-queue">{t('mod.settings.queuePolicy')}</label>
        <select id="set-queue" value={draft.queuePolicy} onChange={(e) => setDraft({ ...draft, queuePolicy: e.target.value as FishbowlQueuePolicy })}>
          <option value="fifo">{t('mod.settings.fifo')}</option>
          <option value="first-time-first">{t('mod.settings.firstTimeFirst')}</option>
          <option value="least-speaking-time">{t('mod.settings.leastSpeaking')}</option>
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="set-rotation">{t('mod.settings.rotationPolicy')}</label>
        <select id="set-rotation" value={draft.rotationPolicy} onChange={(e) => setDraft({ ...draft, rotationPolicy: e.target.value as FishbowlRotationPolicy })}>
          <option value="longest-seated">{t('mod.settings.longestSeated')}</option>
          <option value="most-speaking-time">{t('mod.settings.mostSpeaking')}</option>
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="set-limit">{t('mod.settings.seatLimit')}</label>
        <input id="set-limit" type="number" min={1} max={120} value={draft.seatLimit} onChange={(e) => setDraft({ ...draft, seatLimit: e.target.value })} aria-describedby="set-limit-hint" />
        <p id="set-limit-hint" className="muted small">
          {t('mod.settings.seatLimitHint')}
        </p>
      </div>
      <div className="form-row">
        <label htmlFor="set-invite">{t('mod.settings.invitationTimeout')}</label>
        <input id="set-invite" type="number" min={10} max={600} value={draft.invitationTimeout} onChange={(e) => setDraft({ ...draft, invitationTimeout: e.target.value })} />
      </div>
      {draft.mode === 'closed' && (
        <div className="form-row">
          <label htmlFor="set-round">{t('mod.settings.roundLength')}</label>
          <input id="set-round" type="number" min={1} max={240} value={draft.roundLength} onChange={(e) => setDraft({ ...draft, roundLength: e.target.value })} />
        </div>
      )}
      <button type="submit" disabled={busy}>
        {t('mod.settings.save')}
      </button>
    </form>
  );
}

function formOf(s: FishbowlSettings) {
  return {
    mode: s.mode,
    chairCount: String(s.chairCount),
    queuePolicy: s.queuePolicy,
    rotationPolicy: s.rotationPolicy,
    seatLimit: toMin(s.seatTimeLimitMs),
    invitationTimeout: toSec(s.invitationTimeoutMs),
    roundLength: toMin(s.roundLengthMs),
  };
}
