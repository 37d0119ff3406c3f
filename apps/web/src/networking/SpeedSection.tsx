import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { speedRuns, speedSetUp, speedShare, speedStart, speedTakePart, type SpeedGroupView, type SpeedNetworkingView } from '../api/networking';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';

/** Rounds change on the clock: look again this often (no push yet). */
const POLL_MS = 15_000;
const namesOf = (g: SpeedGroupView) => g.members.map((m) => m.displayName).join(', ');

/** Speed networking on the people page: take part, my current partner and call, details shared both ways per group. */
export function SpeedSection({ slug, runs: mayRun, listed }: { slug: string; runs: boolean; listed: boolean }) {
  const { t } = useI18n();
  const [runs, setRuns] = useState<SpeedNetworkingView[]>([]);
  const [form, setForm] = useState({ minutes: '5', rounds: '3', byTopic: false });
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => speedRuns(slug).then(setRuns, setError), [slug]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  const act = (p: Promise<unknown>) => p.then(load, setError);
  const setUp = (e: FormEvent) => {
    e.preventDefault();
    act(speedSetUp(slug, { minutes: Number(form.minutes), rounds: Number(form.rounds), byTopic: form.byTopic }));
  };

  return (
    <section aria-labelledby="people-speed">
      <h2 id="people-speed">{t('speed.title')}</h2>
      {error !== null && <ErrorNote error={error} />}
      {runs.length === 0 && <p>{t('speed.none')}</p>}
      {mayRun && (
        <form onSubmit={setUp} className="inline-form">
          <label htmlFor="speed-minutes">{t('speed.minutes')}</label>{' '}
          <input id="speed-minutes" type="number" min={1} max={30} required value={form.minutes} onChange={(e) => setForm({ ...form, minutes: e.target.value })} />{' '}
          <label htmlFor="speed-rounds">{t('speed.rounds')}</label>{' '}
          <input id="speed-rounds" type="number" min={1} max={20} required value={form.rounds} onChange={(e) => setForm({ ...form, rounds: e.target.value })} />{' '}
          <input id="speed-topic" type="checkbox" checked={form.byTopic} onChange={(e) => setForm({ ...form, byTopic: e.target.checked })} /> <label htmlFor="speed-topic">{t('speed.byTopic')}</label>{' '}
          <button type="submit">{t('speed.setup')}</button>
        </form>
      )}
      <ul>
        {runs.map((run) => (
          <li key={run.id}>
            <p>
              {t('speed.run', { rounds: String(run.rounds), minutes: String(run.minutes) })} – {t(`speed.status.${run.status}`, { round: String(run.round ?? ''), rounds: String(run.rounds) })}{' '}
              {run.status !== 'done' && listed && (
                <button type="button" onClick={() => act(speedTakePart(slug, run.id, !run.joined))}>{t(run.joined ? 'speed.leave' : 'speed.join')}</button>
              )}{' '}
              {run.status === 'open' && mayRun && (
                <button type="button" onClick={() => act(speedStart(slug, run.id))}>{t('speed.start')}</button>
              )}
            </p>
            {run.status === 'running' && run.joined && !run.current && <p>{t('speed.waiting')}</p>}
            {run.current && (
              <p>
                {t('speed.current', { names: namesOf(run.current) })} <Link to={paths.speedCall(slug, run.id)}>{t('speed.talk', { names: namesOf(run.current) })}</Link>
              </p>
            )}
            <ul>
              {run.groups.map((g) => (
                <li key={g.groupId}>
                  {t('speed.round', { round: String(g.round), names: namesOf(g) })}
                  {g.members.filter((m) => m.contact).map((m) => <span key={m.personId}> · {t('people.contactOf', { contact: `${m.displayName}: ${m.contact}` })}</span>)}{' '}
                  <button type="button" onClick={() => act(speedShare(slug, run.id, g.groupId, !g.shared))}>{t(g.shared ? 'speed.unshare' : 'speed.share', { names: namesOf(g) })}</button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
