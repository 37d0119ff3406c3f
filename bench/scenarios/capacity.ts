import { execSync } from 'node:child_process';
import { ClientPool, setupFishbowl } from '../support/fishbowl';
import type { BenchOptions } from '../support/options';
import { progress } from '../support/progress';
import { fishbowlFanout } from './fanout';
import type { Scenario } from './index';

const STEPS = [1000, 2000, 3000, 5000, 7500, 10_000, 15_000, 20_000];

/** The largest number of joined clients per api process for which a fishbowl change still reaches them all within the budget (p99). */
export const capacity: Scenario = {
  name: 'capacity',
  summary: 'largest N with fan-out p99 under --budget-ms 200 (N = 1000, 2000, 3000, 5000, ... up to --max 10000), RSS per connection',
  async run(options: BenchOptions) {
    const max = options.int('max', 10_000);
    const budget = options.int('budget-ms', 200);
    const count = options.int('rounds', 5);
    const workers = Math.max(1, options.int('workers', 2));
    const ulimit = Number(execSync('ulimit -n', { shell: '/bin/bash' }).toString().trim());
    const steps = STEPS.filter((n) => n <= max);
    if (ulimit < steps[steps.length - 1] + 100) progress(`ulimit -n is ${ulimit}: the largest steps may fail for file descriptors, not for time`);
    const bench = await setupFishbowl(steps[steps.length - 1] + 1, 1);
    const api = bench.apis[0];
    const pool = ClientPool.start(workers);
    const figures: Record<string, unknown>[] = [];
    let best = 0;
    let bytesPerConnection: number | null = null;
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const rss0 = api.rssBytes();
      let connected = 0;
      for (const n of steps) {
        const added = await pool.connect([`${api.url}/fishbowl`], bench.tokens.slice(connected, n), bench.sessionId, 'fishbowl:state');
        connected = n;
        await new Promise((r) => setTimeout(r, 1500));
        const rss = api.rssBytes();
        const fan = await fishbowlFanout(pool, [api.url], bench.sessionId, bench.tokens[bench.tokens.length - 1], count);
        const ok = added.failed === 0 && fan.delivered === 1 && fan.p99_ms < budget;
        figures.push({ clients: n, failed_connections: added.failed, rss_mib: Math.round(rss / 2 ** 20), ...fan, ok });
        progress(`N=${n}: p99 ${fan.p99_ms} ms, delivered ${fan.delivered}, RSS ${Math.round(rss / 2 ** 20)} MiB -> ${ok ? 'ok' : 'over budget'}`);
        if (!ok) break;
        best = n;
        bytesPerConnection = Math.round((rss - rss0) / n);
      }
      await pool.close();
      return { budget_ms: budget, clients: best, bytes_per_connection: bytesPerConnection, ulimit_n: ulimit, steps: figures };
    } finally {
      await bench.stop();
    }
  },
};
