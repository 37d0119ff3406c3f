import type { Origin, Poll } from './types';

export interface OptionCount {
  optionId: string;
  label: string;
  hall: number;
  remote: number;
  total: number;
}

export interface PollResults {
  pollId: string;
  /** Ballots cast (a multiple-choice ballot counts once here, once per chosen option below). */
  ballots: { hall: number; remote: number; total: number };
  options: OptionCount[];
}

/** Counts per option, split hall vs remote; every ballot counted once, the latest one of each person. */
export function tally(poll: Poll): PollResults {
  const zero = () => ({ hall: 0, remote: 0 });
  const perOption = new Map(poll.options.map((o) => [o.id, zero()]));
  const ballots = zero();
  for (const b of poll.ballots.values()) {
    ballots[b.origin] += 1;
    for (const c of b.choices) perOption.get(c)![b.origin] += 1;
  }
  return {
    pollId: poll.id,
    ballots: { ...ballots, total: ballots.hall + ballots.remote },
    options: poll.options.map((o) => {
      const c = perOption.get(o.id)!;
      return { optionId: o.id, label: o.label, hall: c.hall, remote: c.remote, total: c.hall + c.remote };
    }),
  };
}

/** Percent of ballots with one decimal, half away from zero on the tenth; 0 when nobody voted. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

/**
 * The accessible results table: a caption, column headers and one row per option with its share,
 * plus a totals row. Numbers only; the client formats them in its language. Hall/remote shares are of
 * the ballots from there.
 */
export interface ResultsTable {
  caption: string;
  columns: ['option', 'hall', 'remote', 'total', 'percent'];
  rows: { optionId: string; label: string; hall: number; remote: number; total: number; percent: number; hallPercent: number; remotePercent: number }[];
  totals: { hall: number; remote: number; total: number };
}

export function resultsTable(poll: Poll): ResultsTable {
  const r = tally(poll);
  const share = (o: OptionCount, where: Origin) => percent(o[where], r.ballots[where]);
  return {
    caption: poll.question,
    columns: ['option', 'hall', 'remote', 'total', 'percent'],
    rows: r.options.map((o) => ({ ...o, percent: percent(o.total, r.ballots.total), hallPercent: share(o, 'hall'), remotePercent: share(o, 'remote') })),
    totals: r.ballots,
  };
}
