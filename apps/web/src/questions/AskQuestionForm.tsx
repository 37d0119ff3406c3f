import { useState, type FormEvent } from 'react';
import type { QuestionOrigin } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';

const TEXT_MAX = 500;

/** Ask a question: the text, "anonym" (towards other attendees) and "bitte vorlesen". */
export function AskQuestionForm({ origin, busy, onAsk }: { origin: QuestionOrigin; busy: boolean; onAsk(q: { text: string; anonymous: boolean; readAloud: boolean }): Promise<boolean> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [readAloud, setReadAloud] = useState(false);
  const id = `question-${origin}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (await onAsk({ text: text.trim(), anonymous, readAloud })) setText('');
  };
  return (
    <form className="form question-form" onSubmit={submit}>
      <label htmlFor={id}>{t('questions.yourQuestion')}</label>
      <textarea id={id} rows={3} value={text} maxLength={TEXT_MAX} required onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="muted small">
        {t('questions.hint', { max: TEXT_MAX })}
      </p>
      <label>
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('questions.anonymous')}
      </label>
      <label>
        <input type="checkbox" checked={readAloud} onChange={(e) => setReadAloud(e.target.checked)} /> {t('questions.readAloud')}
      </label>
      <button type="submit" className="button--primary" disabled={busy}>
        {t('questions.ask')}
      </button>
    </form>
  );
}
