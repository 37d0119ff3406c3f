import { useEffect, useRef, useState } from 'react';
import type { PollOrigin, PollViewWire } from '@podium/contracts';
import { download } from '../api/moderation';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { useErrorText } from '../ui/Async';
import { PollEditor } from './PollEditor';
import { PollResults } from './PollResults';
import { canVote, usePolls, type PollsHandle, type SentPollAck } from './usePolls';
import './polls.css';

const POLL_REASONS = ['NOT_ELIGIBLE', 'NO_POLL', 'POLL_ID_TAKEN', 'POLL_NOT_OPEN', 'POLL_CLOSED', 'ALREADY_VOTED'];
/** A refused or unanswered command: what the panel says until the next answer. */
type Failure = { error: { code: string; message: string; details?: Record<string, unknown> } } | null;

/** A session's polls and formal votes: vote, live results (table and chart, hall vs remote), and for moderators the editor. */
export function PollsPanel({ sessionId, token, mode }: { sessionId: string; token: string | null; mode: PollOrigin }) {
  const { t } = useI18n();
  const polls = usePolls(sessionId, token, mode);
  const [failure, setFailure] = useState<Failure>(null);
  const errorText = useErrorText();
  const announcement = useNewPollAnnouncement(polls.view?.polls ?? []);
  const message = failure
    ? typeof failure.error.details?.reason === 'string' && POLL_REASONS.includes(failure.error.details.reason)
      ? t(`polls.error.${failure.error.details.reason}` as MessageKey)
      : errorText(new ApiError(0, failure.error.code, failure.error.message, failure.error.details))
    : null;
  const show = (ack: SentPollAck) => setFailure(ack.ok ? null : (ack as Failure));

  return (
    <section className="polls panel" aria-labelledby="polls-heading" data-testid="polls-panel">
      <h2 id="polls-heading">{t('polls.title')}</h2>
      <p role="status" className="visually-hidden">{announcement}</p>
      {!polls.connected && <p className="muted">{t('polls.connecting')}</p>}
      {message && (
        <p role="alert" className="notice notice--error">
          {message}
        </p>
      )}
      {polls.mine?.moderator && <PollEditor polls={polls} onError={(ack) => setFailure(ack)} />}
      {polls.view && polls.view.polls.length === 0 && <p className="muted">{t('polls.none')}</p>}
      {polls.view?.polls.map((poll) => <PollItem key={poll.id} poll={poll} polls={polls} sessionId={sessionId} onAnswer={show} />)}
    </section>
  );
}

function PollItem({ poll, polls, sessionId, onAnswer }: { poll: PollViewWire; polls: PollsHandle; sessionId: string; onAnswer(ack: SentPollAck): void }) {
  const { t } = useI18n();
  const mine = polls.mine?.ballots[poll.id] ?? null;
  const [choices, setChoices] = useState<string[]>(mine ?? []);
  const [busy, setBusy] = useState(false);
  const moderator = !!polls.mine?.moderator;
  const run = async (work: () => Promise<SentPollAck>) => {
    setBusy(true);
    onAnswer(await work());
    setBusy(false);
  };
  const toggle = (id: string, on: boolean) => setChoices(poll.kind === 'single' ? [id] : on ? [...choices, id] : choices.filter((c) => c !== id));
  const headingId = `poll-${poll.id}`;
  return (
    <article className="poll" aria-labelledby={headingId} data-testid={`poll-${poll.id}`}>
      <h3 id={headingId}>{poll.question}</h3>
      <p className="poll__meta">
        <span className="badge">{t(`polls.status.${poll.status}`)}</span> {poll.formal && <span className="badge">{t('polls.formal')}</span>}{' '}
        {poll.anonymous ? t('polls.anonymous') : t('polls.named')}
      </p>
      {canVote(poll, polls.mine) && (
        <form onSubmit={(e) => (e.preventDefault(), void run(() => polls.send('polls:vote', { pollId: poll.id, choices })))}>
          <fieldset>
            <legend>{poll.kind === 'single' ? t('polls.chooseOne') : t('polls.chooseUpTo', { count: poll.maxChoices })}</legend>
            {poll.options.map((o) => (
              <label className="checkbox" key={o.id}>
                <input
                  type={poll.kind === 'single' ? 'radio' : 'checkbox'}
                  name={`choice-${poll.id}`}
                  value={o.id}
                  checked={choices.includes(o.id)}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                />{' '}
                {o.label}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--primary" disabled={busy || choices.length === 0}>
            {mine ? t('polls.changeVote') : t('polls.vote')}
          </button>
        </form>
      )}
      {mine && (
        <p className="notice notice--ok" data-testid={`my-vote-${poll.id}`}>
          {t('polls.yourVote', { choices: poll.options.filter((o) => mine.includes(o.id)).map((o) => o.label).join(', ') })}
        </p>
      )}
      {poll.results ? <PollResults results={poll.results} id={poll.id} /> : poll.status !== 'draft' && <p className="muted">{t('polls.resultsAfterClose')}</p>}
      {moderator && (
        <div className="poll__actions">
          {poll.status === 'draft' && (
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => polls.send('polls:open', { pollId: poll.id }))}>
              {t('polls.open')}
            </button>
          )}
          {poll.status === 'open' && (
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => polls.send('polls:close', { pollId: poll.id }))}>
              {t('polls.close')}
            </button>
          )}
          {poll.status !== 'draft' && (
            <>
              <button type="button" className="button" onClick={() => void download(`/api/sessions/${sessionId}/polls/${poll.id}/result`, `poll-${poll.id}.json`)}>
                {t('polls.exportJson')}
              </button>
              <button type="button" className="button" onClick={() => void download(`/api/sessions/${sessionId}/polls/${poll.id}/result.csv`, `poll-${poll.id}.csv`)}>
                {t('polls.exportCsv')}
              </button>
            </>
          )}
        </div>
      )}
      {poll.voters && poll.voters.length > 0 && (
        <details>
          <summary>{t('polls.voters', { count: poll.voters.length })}</summary>
          <ul>
            {poll.voters.map((v) => (
              <li key={v.personId}>
                {v.displayName}: {poll.options.filter((o) => v.choices.includes(o.id)).map((o) => o.label).join(', ')} ({t(v.origin === 'hall' ? 'polls.col.hall' : 'polls.col.remote')})
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

/** A newly opened poll is announced once, politely; the results' changing numbers never are. */
function useNewPollAnnouncement(polls: PollViewWire[]): string {
  const { t } = useI18n();
  const seen = useRef<Set<string> | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const open = polls.filter((p) => p.status === 'open');
    if (seen.current === null) seen.current = new Set(open.map((p) => p.id));
    const fresh = open.filter((p) => !seen.current!.has(p.id));
    for (const p of fresh) seen.current.add(p.id);
    if (fresh.length) setText(t('polls.opened', { question: fresh.map((p) => p.question).join('; ') }));
  }, [polls, t]);
  return text;
}
