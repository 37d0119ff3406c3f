import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { PollsHandle } from './usePolls';

const ROLES = ['attendee', 'speaker', 'interpreter', 'moderator', 'organiser', 'guest'] as const;

/** Moderators create a poll or a formal vote (a draft: it shows to others once opened). */
export function PollEditor({ polls, onError }: { polls: PollsHandle; onError(failure: { error: { code: string; message: string; details?: Record<string, unknown> } } | null): void }) {
  const { t } = useI18n();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [multiple, setMultiple] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [formal, setFormal] = useState(false);
  const [roles, setRoles] = useState<string[]>(['attendee']);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const labels = options.split('\n').map((l) => l.trim()).filter(Boolean);
    const settings = {
      question,
      options: labels.map((label, i) => ({ id: `o${i + 1}`, label })),
      kind: multiple ? ('multiple' as const) : ('single' as const),
      anonymous,
      formal,
      ...(formal ? { eligibleRoles: roles } : {}),
    };
    const ack = await polls.send('polls:create', { pollId: newPollId(), settings });
    setBusy(false);
    if (!ack.ok) return onError(ack as { error: { code: string; message: string } });
    onError(null);
    setQuestion('');
    setOptions('');
  };

  return (
    <form className="poll-editor" onSubmit={submit} aria-labelledby="poll-editor-heading">
      <h3 id="poll-editor-heading">{t('polls.editor.title')}</h3>
      <label htmlFor="poll-question">{t('polls.editor.question')}</label>
      <input id="poll-question" required maxLength={300} value={question} onChange={(e) => setQuestion(e.target.value)} />
      <label htmlFor="poll-options">{t('polls.editor.options')}</label>
      <textarea id="poll-options" required rows={4} value={options} onChange={(e) => setOptions(e.target.value)} aria-describedby="poll-options-hint" />
      <p id="poll-options-hint" className="muted">{t('polls.editor.optionsHint')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} /> {t('polls.editor.multiple')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('polls.editor.anonymous')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={formal} onChange={(e) => setFormal(e.target.checked)} /> {t('polls.editor.formal')}
      </label>
      {formal && (
        <fieldset>
          <legend>{t('polls.editor.eligible')}</legend>
          {ROLES.map((role) => (
            <label className="checkbox" key={role}>
              <input type="checkbox" checked={roles.includes(role)} onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))} />{' '}
              {t(`polls.role.${role}`)}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('polls.editor.create')}
      </button>
    </form>
  );
}

/** Unique enough per session (the server refuses a taken id with POLL_ID_TAKEN); no secure context needed. */
const newPollId = () => `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
