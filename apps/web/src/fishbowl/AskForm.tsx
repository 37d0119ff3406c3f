import { useState, type FormEvent } from 'react';
import { FISHBOWL_LIMITS, type FishbowlSeatLocation } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';

/** "Ask for a seat", with an optional one-line topic. */
export function AskForm({ where, busy, onAsk, large }: { where: FishbowlSeatLocation; busy: boolean; onAsk(topic: string): void; large?: boolean }) {
  const { t } = useI18n();
  const [topic, setTopic] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAsk(topic.trim());
  };
  const id = `topic-${where}`;
  return (
    <form className={`form ask-form${large ? ' is-large' : ''}`} onSubmit={submit}>
      <label htmlFor={id}>{t('fishbowl.topicOptional')}</label>
      <input id={id} value={topic} maxLength={FISHBOWL_LIMITS.topicMaxLength} onChange={(e) => setTopic(e.target.value)} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="muted small">
        {t('fishbowl.topicHint', { max: FISHBOWL_LIMITS.topicMaxLength })}
      </p>
      <button type="submit" className="button--primary" disabled={busy}>
        {t('fishbowl.ask')}
      </button>
    </form>
  );
}
