import { useMemo, useState } from 'react';
import type { AttendeeQuestionView, QuestionOrder, QuestionOrigin } from '@podium/contracts';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorText } from '../ui/Async';
import { AskQuestionForm } from './AskQuestionForm';
import { newQuestionId } from './ids';
import { attendeeList } from './list';
import { useQuestionAnnouncements } from './useQuestionAnnouncements';
import type { QuestionsHandle, QuestionsSentAck } from './useQuestions';

/** "Fragen" for attendees (live page, hall mode): ask, upvote once, withdraw one's own, sort by votes or time. */
export function QuestionsPanel({ questions, origin }: { questions: QuestionsHandle; origin: QuestionOrigin }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [order, setOrder] = useState<QuestionOrder>('votes');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const list = useMemo(() => attendeeList(questions.attendee, questions.mine, order), [questions.attendee, questions.mine, order]);
  const announcement = useQuestionAnnouncements(list, questions.attendee !== null);

  const run = async (ack: Promise<QuestionsSentAck>, okText: string): Promise<boolean> => {
    setBusy(true);
    const answer = await ack;
    setBusy(false);
    if (answer.ok) setMessage({ ok: true, text: okText });
    else setMessage({ ok: false, text: errorText(new ApiError(0, answer.error.code, answer.error.message, "details" in answer.error ? answer.error.details : undefined)) });
    return answer.ok === true;
  };

  return (
    <section className="questions-panel" aria-labelledby="questions-heading">
      <h2 id="questions-heading">{t('questions.title')}</h2>
      {questions.refusal && <p className="notice notice--error">{errorText(new ApiError(0, questions.refusal, ''))}</p>}
      <AskQuestionForm
        origin={origin}
        busy={busy}
        onAsk={(q) => run(questions.send('questions:ask', { questionId: newQuestionId(), origin, ...q }), questions.attendee?.moderation === 'pre' ? t('questions.askedPending') : t('questions.asked'))}
      />
      <div role="status" aria-live="polite">
        {message && <p className={`notice ${message.ok ? 'notice--ok' : 'notice--error'}`}>{message.text}</p>}
      </div>
      <fieldset className="question-order">
        <legend>{t('questions.sort')}</legend>
        {(['votes', 'time'] as const).map((o) => (
          <label key={o}>
            <input type="radio" name="question-order" value={o} checked={order === o} onChange={() => setOrder(o)} /> {t(o === 'votes' ? 'questions.sortVotes' : 'questions.sortTime')}
          </label>
        ))}
      </fieldset>
      {list.length === 0 ? (
        <p className="muted">{t('questions.none')}</p>
      ) : (
        <ol className="question-list" aria-label={t('questions.listLabel', { count: list.length })}>
          {list.map((q) => (
            <QuestionItem key={q.id} q={q} busy={busy} onVote={() => run(questions.send(q.votedByMe ? 'questions:retract-upvote' : 'questions:upvote', { questionId: q.id }), q.votedByMe ? t('questions.unvoted') : t('questions.voted'))} onWithdraw={() => run(questions.send('questions:withdraw', { questionId: q.id }), t('questions.withdrawn'))} />
          ))}
        </ol>
      )}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="questions-announce">
        {announcement}
      </div>
    </section>
  );
}

function QuestionItem({ q, busy, onVote, onWithdraw }: { q: AttendeeQuestionView; busy: boolean; onVote(): void; onWithdraw(): void }) {
  const { t } = useI18n();
  const open = q.status === 'pending' || q.status === 'approved';
  return (
    <li className={`question question--${q.status}`} data-testid="question">
      <p className="question__text">
        {q.pinned && <strong>{t('questions.pinned')}: </strong>}
        {q.text}
      </p>
      <p className="muted small">
        {q.askerName ?? t('questions.anonymousName')} · {t(q.origin === 'hall' ? 'questions.origin.hall' : 'questions.origin.remote')}
        {q.status !== 'approved' && <> · {t(`questions.status.${q.status}`)}</>}
        {q.readAloud && <> · {t('questions.readAloudShort')}</>}
        {q.edited && <> · {t('questions.edited')}</>}
      </p>
      <p className="question__actions">
        <span>{t('questions.votes', { count: q.votes })}</span>{' '}
        {!q.mine && open && (
          <button type="button" aria-pressed={q.votedByMe} disabled={busy} onClick={onVote}>
            {t('questions.upvote')}
            <span className="visually-hidden"> {q.text}</span>
          </button>
        )}{' '}
        {q.mine && open && (
          <button type="button" className="button--danger" disabled={busy} onClick={onWithdraw}>
            {t('questions.withdraw')}
            <span className="visually-hidden"> {q.text}</span>
          </button>
        )}
      </p>
    </li>
  );
}
