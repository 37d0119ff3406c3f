import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ClientPool, generatorOptions, now, setupFishbowl, startBare, trigger } from '../support/fishbowl';
import type { BenchOptions } from '../support/options';
import { progress } from '../support/progress';
import { ratio } from '../support/stats';
import { fishbowlFanout, rounds } from './fanout';
import type { Scenario } from './index';

const STEPS = [1000, 2000, 3000, 5000, 7500, 10_000, 15_000, 20_000];

/** The largest number of joined clients per api process for which a fishbowl change still reaches them all within the budget (p99). */
export const capacity: Scenario = {
  name: 'capacity',
  summary: 'largest N with fan-out (delivery) p99 under --budget-ms 200 (N = 1000, 2000, 3000, 5000, ... up to --max 10000; --client raw|socketio --workers 2), RSS per connection; the same steps on a bare Socket.IO server',
  async run(options: BenchOptions) {
    const max = options.int('max', 10_000);
    const budget = options.int('budget-ms', 200);
    const count = options.int('rounds', 5);
    const { kind, workers } = generatorOptions(options);
    const ulimit = Number(execSync('ulimit -n', { shell: '/bin/bash' }).toString().trim());
    const steps = STEPS.filter((n) => n <= max);
    if (ulimit < steps[steps.length - 1] + 100) progress(`ulimit -n is ${ulimit}: the largest steps may fail for file descriptors, not for time`);
    // One spare attendee per step to trigger its changes: a person may ask 12 times a minute ('seat' policy).
    const bench = await setupFishbowl(steps[steps.length - 1] + steps.length, 1);
    const api = bench.apis[0];
    const pool = ClientPool.start(workers, kind);
    const figures: Record<string, unknown>[] = [];
    let best = 0;
    let bytesPerConnection: number | null = null;
    let stopped = false;
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const rss0 = api.rssBytes();
      let connected = 0;
      for (const [k, n] of steps.entries()) {
        const added = await pool.connect([`${api.url}/fishbowl`], bench.tokens.slice(connected, n), bench.sessionId, 'fishbowl:state');
        connected = n;
        await new Promise((r) => setTimeout(r, 1500));
        const rss = api.rssBytes();
        const fan = await fishbowlFanout(pool, [api.url], bench.sessionId, bench.tokens[steps[steps.length - 1] + k], count);
        const ok = added.failed === 0 && fan.delivered === 1 && fan.p99_ms < budget;
        figures.push({ clients: n, failed_connections: added.failed, rss_mib: Math.round(rss / 2 ** 20), ...fan, ok });
        progress(`N=${n}: delivery p99 ${fan.p99_ms} ms, end to end p99 ${fan.end_to_end.p99_ms} ms, delivered ${fan.delivered}, RSS ${Math.round(rss / 2 ** 20)} MiB -> ${ok ? 'ok' : 'over budget'}`);
        if (!ok) break;
        best = n;
        bytesPerConnection = Math.round((rss - rss0) / n);
      }
      const view = await fetch(`${api.url}/api/sessions/${bench.sessionId}/fishbowl`, { headers: { authorization: `Bearer ${bench.moderatorToken}` } }).then((r) => r.text());
      await pool.close();
      // Our api and its database are done: the baseline gets the machine to itself.
      await bench.stop();
      stopped = true;

      // The baseline, measured in the same run: a bare Socket.IO server, the same steps, the same payload size.
      progress(`baseline: bare Socket.IO server, payload ${view.length} bytes`);
      const bare = await startBare(view);
      const barePool = ClientPool.start(workers, kind);
      const bareRss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${bare.pid}/status`, 'utf8'))![1]) * 1024;
      let bareBest = 0;
      let bareBytesPerConnection: number | null = null;
      try {
        await new Promise((r) => setTimeout(r, 1000));
        const rss0 = bareRss();
        const go = await trigger(bare.url, null);
        let version = 0;
        let bareConnected = 0;
        // The same steps as ours, and on until the bare server misses the budget too (its own capacity).
        let bareFailed = false;
        for (const n of steps) {
          let step = figures.find((f) => f.clients === n);
          if (!step && bareFailed) break;
          if (!step) figures.push((step = { clients: n }));
          await barePool.connect([bare.url], Array.from({ length: n - bareConnected }, () => ''), null, 'state');
          bareConnected = n;
          await new Promise((r) => setTimeout(r, 1500));
          const rss = bareRss();
          const baseline = await rounds(barePool, count, async () => {
            const t0 = now();
            version = await go.emitWithAck('go');
            return { t0, version };
          }, version);
          const ours = step as { p50_ms?: number; p99_ms?: number };
          const ratios = ours.p99_ms === undefined ? {} : { ratio_p50: ratio(ours.p50_ms!, baseline.p50_ms), ratio_p99: ratio(ours.p99_ms, baseline.p99_ms) };
          Object.assign(step, { baseline: { ...baseline, rss_mib: Math.round(rss / 2 ** 20) }, ...ratios });
          progress(`bare N=${n}: delivery p99 ${baseline.p99_ms} ms, end to end p99 ${baseline.end_to_end.p99_ms} ms (ours ${ours.p99_ms ?? 'not measured'} ms)`);
          if (!bareFailed && baseline.delivered === 1 && baseline.p99_ms < budget) {
            bareBest = n;
            bareBytesPerConnection = Math.round((rss - rss0) / n);
          } else bareFailed = true;
        }
        go.disconnect();
      } finally {
        await barePool.close();
        bare.stop();
      }
      return {
        budget_ms: budget,
        client: kind,
        generators: workers,
        clock: 'one machine, one system clock (delivery = arrival - view.now, end_to_end = arrival - command sent); the budget applies to delivery p99',
        clients: best,
        bytes_per_connection: bytesPerConnection,
        payload_bytes: view.length,
        baseline: { clients: bareBest, bytes_per_connection: bareBytesPerConnection },
        ulimit_n: ulimit,
        steps: figures,
      };
    } finally {
      if (!stopped) await bench.stop();
    }
  },
};
