// Markt der Möglichkeiten: visitors move between booths (visit, stay a moment, leave, next) against the built
// api as its own process with LiveKit; each move is timed from the request to the booth's token and presence.
// Baseline in the same run: the livestream's join (POST /api/sessions/:id/join) under the same load shape.
import { Agent, request } from 'node:http';
import { progress } from '../support/progress';
import { ratio, round, summarise } from '../support/stats';
import type { BenchOptions } from '../support/options';
import type { Scenario } from './index';
import { startLivestreamStack } from './joinstorm';

interface Answer {
  status: number;
  body: any;
}

/** One JSON request over a keep-alive agent. */
function call(agent: Agent, method: string, url: string, token: string, body?: unknown): Promise<Answer> {
  const data = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let parsed: unknown = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = text;
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Each client loops for `seconds`: `move()` is timed; `pause()` is the stay between moves. */
async function loop(clients: number, seconds: number, move: (client: number) => Promise<boolean>, pause: (client: number) => Promise<void>) {
  const samples: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      await sleep(Math.random() * 1000); // spread the start over a second, as people arrive
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await move(client).catch(() => false);
        samples.push(performance.now() - t0);
        if (!ok) errors++;
        await pause(client);
      }
    }),
  );
  return { samples, errors };
}

export const booths: Scenario = {
  name: 'booths',
  summary: 'visitors (--visitors 300) moving between booths (--booths 20) for --seconds (60), vs the livestream join',
  async run(options: BenchOptions) {
    const visitors = options.int('visitors', 300);
    const boothCount = options.int('booths', 20);
    const seconds = options.int('seconds', 60);
    const stayMs = options.int('stay-ms', 2000);
    const stack = await startLivestreamStack('booths');
    try {
      const base = `${stack.api.url}/api/conferences/buko-2020/booths`;
      progress(`api ${stack.api.url}; ${boothCount} booths with staff, ${visitors} visitors`);
      const staff = await stack.attendees(boothCount);
      const people = await stack.attendees(visitors);
      const ids: string[] = [];
      for (let i = 0; i < boothCount; i++) {
        // Room for everyone who may pick the same booth at once: the bench measures moves, not waiting.
        const { rows } = await stack.db.query(`INSERT INTO booth (conference_id, name, capacity) SELECT id, $1, 50 FROM conference WHERE slug = 'buko-2020' RETURNING id`, [`Stand ${i + 1}`]);
        await stack.db.query(`INSERT INTO booth_staff (booth_id, person_id) VALUES ($1, $2)`, [rows[0].id, staff[i]]);
        ids.push(rows[0].id);
      }
      // A socket per visitor, as real browsers have: a shared pool would time the client's own queue.
      const agent = new Agent({ keepAlive: true, maxSockets: visitors + boothCount });
      for (const [i, id] of ids.entries()) {
        const opened = await call(agent, 'POST', `${base}/${id}/staff`, await stack.sessionToken(staff[i]));
        if (opened.status !== 200) throw new Error(`staff could not open booth ${i + 1}: ${opened.status} ${JSON.stringify(opened.body)}`);
      }
      const tokens = await Promise.all(people.map((id) => stack.sessionToken(id)));
      const at: (string | null)[] = people.map(() => null);
      const stay = () => sleep(stayMs / 2 + Math.random() * stayMs);
      let moves = 0;
      let queued = 0;
      /** Why moves failed: HTTP status and error code, or the network error. */
      const failures: Record<string, number> = {};
      const failed = (why: string) => (failures[why] = (failures[why] ?? 0) + 1);

      progress(`${visitors} visitors moving for ${seconds} s (stay ${stayMs / 2}–${(stayMs * 3) / 2} ms)`);
      const ours = await loop(
        visitors,
        seconds,
        async (v) => {
          let next = ids[Math.floor(Math.random() * ids.length)];
          if (next === at[v]) next = ids[(ids.indexOf(next) + 1) % ids.length];
          const place = await call(agent, 'POST', `${base}/${next}/visit`, tokens[v]).catch((e: Error) => ({ status: 0, body: { error: { code: e.message } } }));
          moves++;
          at[v] = next;
          if (place.status !== 200) {
            failed(`${place.status} ${place.body?.error?.code ?? ''}`.trim());
            return false;
          }
          if (place.body.status === 'queued') queued++;
          return place.body.status === 'in' ? typeof place.body.token === 'string' : place.body.status === 'queued';
        },
        // Stay a moment, then leave (not timed: the move is the request to the next booth's token).
        async (v) => {
          await stay();
          if (at[v]) await call(agent, 'POST', `${base}/${at[v]}/leave`, tokens[v]).catch(() => undefined);
        },
      );

      progress(`baseline: the livestream join, same visitors and pace, ${Math.min(seconds, 20)} s`);
      const joinUrl = `${stack.api.url}/api/sessions/${stack.sessionId}/join`;
      const baseline = await loop(visitors, Math.min(seconds, 20), async (v) => (await call(agent, 'POST', joinUrl, tokens[v], {})).status === 200, stay);
      agent.destroy();
      const o = summarise(ours.samples);
      const b = summarise(baseline.samples);
      return {
        visitors,
        booths: boothCount,
        seconds,
        moves,
        errors: ours.errors,
        queued,
        failures,
        p50_ms: o.p50_ms,
        p99_ms: o.p99_ms,
        max_ms: o.max_ms,
        baseline: { what: 'POST /api/sessions/:id/join', requests: b.n, errors: baseline.errors, p50_ms: b.p50_ms, p99_ms: b.p99_ms },
        ratio_p99: ratio(o.p99_ms, b.p99_ms),
        target: { errors: 0, p99_ms: 500, met: ours.errors === 0 && o.p99_ms < 500 },
        moves_per_second: round(moves / seconds, 1),
      };
    } finally {
      await stack.stop();
    }
  },
};
