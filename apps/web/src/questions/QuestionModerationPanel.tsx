import { useState } from 'react';
import type { ModeratorQuestionView, QuestionsCommandEventName } from '@podium/contracts';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorText } from '../ui/Async';
import { sortQuestions } from './list';
import type { QuestionsHandle } from './useQuestions';

type Act = (event: QuestionsCommandEventName, payload: Record<string, unknown>, okText: string) => void;

/** The moderators' questions: moderation mode, approve, reject, pin, answered, merge, fix a typo, "aufs Podium". */
export function QuestionModerationPanel({ questions }: { questions: QuestionsHandle }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const view = questions.moderator;
  const list = view ? sortQuestions(view.questions, 'votes') : [];
  const act: Act = async (event, payload, okText) => {
    setBusy(true);
    const ack = await questions.send(event, payload as never);
    setBusy(false);
    setMessage(ack.ok ? { ok: true, text: okText } : { ok: false, text: errorText(new ApiError(0, ack.error.code, ack.error.message, 'details' in ack.error ? ack.error.details : undefined)) });
  };
  return (
    <section className="panel question-moderation" aria-labelledby="question-moderation-heading">
      <h2 id="question-moderation-heading">{t('questions.mod.title')}</h2>
      {questions.refusal && <p className="notice notice--error">{errorText(new ApiError(0, questions.refusal, ''))}</p>}
      {view && (
        <fieldset>
          <legend>{t('questions.mod.mode')}</legend>
          {(['pre', 'post'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="question-moderation" checked={view.moderation === m} disabled={busy} onChange={() => act('questions:set-moderation', { moderation: m }, t('questions.mod.modeSet'))} /> {t(m === 'pre' ? 'questions.mod.pre' : 'questions.mod.post')}
            </label>
          ))}
        </fieldset>
      )}
      <div role="status" aria-live="polite">
        {message && <p className={`notice ${message.ok ? 'notice--ok' : 'notice--error'}`}>{message.text}</p>}
      </div>
      {list.length === 0 ? (
        <p className="muted">{t('questions.none')}</p>
      ) : (
        <ol className="question-list">
          {list.map((q) => (
            <ModeratedQuestion key={q.id} q={q} others={list.filter((o) => o.id !== q.id && o.status !== 'merged' && o.status !== 'withdrawn' && o.status !== 'rejected')} busy={busy} act={act} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ModeratedQuestion({ q, others, busy, act }: { q: ModeratorQuestionView; others: ModeratorQuestionView[]; busy: boolean; act: Act }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(q.text);
  const [into, setInto] = useState('');
  const open = q.status === 'pending' || q.status === 'approved';
  const id = { questionId: q.id };
  const label = <span className="visually-hidden"> {q.text}</span>;
  return (
    <li className={`question question--${q.status}`} data-testid="moderated-question">
      <p className="question__text">{q.text}</p>
      <p className="muted small">
        {q.askerName}
        {q.anonymous && <> ({t('questions.mod.anonymousToOthers')})</>} · {t(q.origin === 'hall' ? 'questions.origin.hall' : 'questions.origin.remote')} · {t(`questions.status.${q.status}`)} · {t('questions.votes', { count: q.votes })}
        {q.readAloud && <strong> · {t('questions.readAloudShort')}</strong>}
        {q.pinned && <> · {t('questions.pinned')}</>}
        {q.edits.length > 0 && <> · {t('questions.mod.original', { text: q.originalText })}</>}
        {q.invitedToPodiumAt !== null && <> · {t('questions.mod.invited')}</>}
      </p>
      <div className="form-inline">
        {q.status === 'pending' && (
          <button type="button" className="button--primary" disabled={busy} onClick={() => act('questions:approve', id, t('questions.mod.approved'))}>
            {t('questions.mod.approve')}
            {label}
          </button>
        )}
        {open && (
          <button type="button" className="button--danger" disabled={busy} onClick={() => act('questions:reject', id, t('questions.mod.rejected'))}>
            {t('questions.mod.reject')}
            {label}
          </button>
        )}
        {open && (
          <button type="button" aria-pressed={q.pinned} disabled={busy} onClick={() => act(q.pinned ? 'questions:unpin' : 'questions:pin', id, t('questions.mod.pinDone'))}>
            {t('questions.mod.pin')}
            {label}
          </button>
        )}
        {open && (
          <button type="button" disabled={busy} onClick={() => act('questions:mark-answered', id, t('questions.mod.answeredDone'))}>
            {t('questions.mod.answered')}
            {label}
          </button>
        )}
        {(open || q.status === 'answered') && q.mayTakeChair && q.invitedToPodiumAt === null && (
          <button type="button" disabled={busy} onClick={() => act('questions:to-podium', id, t('questions.mod.podiumDone', { name: q.askerName }))}>
            {t('questions.mod.podium')}
            {label}
          </button>
        )}
        <button type="button" aria-expanded={editing} disabled={busy} onClick={() => setEditing(!editing)}>
          {t('questions.mod.edit')}
          {label}
        </button>
      </div>
      {editing && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            act('questions:edit', { ...id, text }, t('questions.mod.edited'));
            setEditing(false);
          }}
        >
          <label htmlFor={`edit-${q.id}`}>{t('questions.mod.editLabel')}</label>
          <textarea id={`edit-${q.id}`} rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t('questions.mod.save')}
          </button>
        </form>
      )}
      {(open || q.status === 'answered') && others.length > 0 && (
        <form
          className="form-inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (into) act('questions:merge', { ...id, intoId: into }, t('questions.mod.merged'));
          }}
        >
          <label htmlFor={`merge-${q.id}`}>{t('questions.mod.mergeInto')}</label>
          <select id={`merge-${q.id}`} value={into} onChange={(e) => setInto(e.target.value)}>
            <option value="">{t('questions.mod.choose')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.text.slice(0, 80)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || !into}>
            {t('questions.mod.merge')}
            {label}
          </button>
        </form>
      )}
    </li>
  );
}
