import type { PollResultsTableWire } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';

/**
 * One poll's results twice: an HTML table (caption, column and row headers) for everyone, screen readers
 * included, and a bar chart of the same numbers for the eye (hidden from assistive technology: the table says it all).
 */
export function PollResults({ results, id }: { results: PollResultsTableWire; id: string }) {
  const { t, lang } = useI18n();
  const pct = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return (
    <div className="poll-results">
      <table className="poll-results__table" data-testid={`poll-results-${id}`}>
        <caption>{t('polls.resultsCaption', { question: results.caption, count: results.totals.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('polls.col.option')}</th>
            <th scope="col">{t('polls.col.hall')}</th>
            <th scope="col">{t('polls.col.remote')}</th>
            <th scope="col">{t('polls.col.total')}</th>
            <th scope="col">{t('polls.col.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {results.rows.map((r) => (
            <tr key={r.optionId}>
              <th scope="row">{r.label}</th>
              <td>{r.hall}</td>
              <td>{r.remote}</td>
              <td>{r.total}</td>
              <td>{pct.format(r.percent)} %</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('polls.ballots')}</th>
            <td>{results.totals.hall}</td>
            <td>{results.totals.remote}</td>
            <td>{results.totals.total}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <div className="poll-chart" aria-hidden="true">
        {results.rows.map((r) => {
          const share = (n: number) => (results.totals.total === 0 ? 0 : (n / results.totals.total) * 100);
          return (
            <div className="poll-chart__row" key={r.optionId}>
              <span className="poll-chart__label">{r.label}</span>
              <span className="poll-chart__bar">
                <span className="poll-chart__hall" style={{ width: `${share(r.hall)}%` }} />
                <span className="poll-chart__remote" style={{ width: `${share(r.remote)}%` }} />
              </span>
              <span className="poll-chart__value">{pct.format(r.percent)} %</span>
            </div>
          );
        })}
        <p className="poll-chart__legend">
          <span className="poll-chart__key poll-chart__hall" /> {t('polls.col.hall')} <span className="poll-chart__key poll-chart__remote" /> {t('polls.col.remote')}
        </p>
      </div>
    </div>
  );
}
