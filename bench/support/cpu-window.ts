import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { processCpuMs } from './process-cpu';
import { round } from './stats';

/** Busy CPU milliseconds of the whole machine (every process, other users' too), from /proc/stat. */
function machineBusyMs(): number | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number); // idle and iowait are not busy
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU used by named groups of processes over a window, in cores (1 = one core busy all the time), and the
 * machine's own busy cores: tells whether the server, the sender or the bench's own receivers were the limit.
 */
export function cpuWindow(groups: Record<string, () => (number | undefined)[]>) {
  const sum = (pids: (number | undefined)[]) => pids.reduce<number | null>((total, pid) => {
    const ms = processCpuMs(pid);
    return total === null || ms === null ? null : total + ms;
  }, 0);
  const startedAt = performance.now();
  const load = [round(loadavg()[0])];
  const before = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, sum(pids())]));
  const machineBefore = machineBusyMs();
  return () => {
    const ms = performance.now() - startedAt;
    const cores = (a: number | null, b: number | null) => (a === null || b === null ? null : round((b - a) / ms, 2));
    load.push(round(loadavg()[0]));
    return {
      window_s: round(ms / 1000, 1),
      ...Object.fromEntries(Object.entries(groups).map(([name, pids]) => [`${name}_cores`, cores(before[name], sum(pids()))])),
      machine_busy_cores: cores(machineBefore, machineBusyMs()),
      load_average_1m_before_after: load,
    };
  };
}
