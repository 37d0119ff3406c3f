import { createFishbowl, insertPeople, sessionTokens, type Person } from '../fishbowl/support';
import { apiProcesses } from '../support/api-processes';
import { freeTcpPort } from '../support/server-process';
import { TEST_REDIS_URL } from '../support/services';
import { connectPolls, connectReactions, createTalk, joinPolls, ok, rowsOf, send, sleep, until, type PollClient } from './support';

const SECRET = 'polls-processes-secret-0123456789-abcdef';
const OPTIONS = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
  { id: 'c', label: 'C' },
];
const YES_NO = [
  { id: 'ja', label: 'Ja' },
  { id: 'nein', label: 'Nein' },
];

/** The built api as real processes: killed in the middle of a poll, and two processes behind Redis. */
describe('polls across api processes', () => {
  const api = apiProcesses('polls-processes', SECRET);
  const { start, sockets } = api;

  /** Re-joins on every (re)connect, as the web client does. */
  const follow = async (url: string, p: Person, sessionId: string, mode: 'hall' | 'remote' = 'remote') => {
    const c = await connectPolls(url, p.token);
    sockets.push(c);
    c.on('connect', () => void joinPolls(c, sessionId, mode).catch(() => undefined));
    await joinPolls(c, sessionId, mode);
    return c;
  };
  const record = async (url: string, token: string, sessionId: string) => {
    const res = await fetch(`${url}/api/sessions/${sessionId}/polls/record`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`record: ${res.status} ${await res.text()}`);
    return (await res.json()) as { polls: { pollId: string; ballots: { personId: string; choices: string[] }[] }[] };
  };

  it('loses no acknowledged vote when the api is SIGKILLed in the middle of a poll', async () => {
    const { conferenceId } = await createFishbowl(api.db);
    const sessionId = await createTalk(api.db, conferenceId);
    const tokens = sessionTokens(SECRET);
    const [mod] = await insertPeople(api.db, tokens, conferenceId, 1, 'moderator', 'Mod');
    const voters = await insertPeople(api.db, tokens, conferenceId, 40, 'attendee', 'Wähler');
    const port = await freeTcpPort();
    const first = await start({}, port);
    const m = await follow(first.url, mod, sessionId);
    const clients = await Promise.all(voters.map((v, i) => follow(first.url, v, sessionId, i % 3 === 0 ? 'hall' : 'remote')));
    await ok(m, 'polls:create', { sessionId, pollId: 'kill', settings: { question: 'Weiter so?', options: OPTIONS } });
    await ok(m, 'polls:open', { sessionId, pollId: 'kill' });

    // Everyone keeps changing their ballot (a, b, c, a, ...), one at a time, until the process dies under them.
    const cycle = (n: number) => OPTIONS[n % 3].id;
    const lastAcked = voters.map(() => -1);
    let acks = 0;
    let killed = false;
    const loops = clients.map(async (c, i) => {
      for (let n = 0; n < 20 && !killed; n++) {
        const ack = await send(c, 'polls:vote', { sessionId, pollId: 'kill', choices: [cycle(n)] }, 3_000).catch(() => null);
        if (!ack?.ok) return;
        lastAcked[i] = n;
        acks += 1;
      }
    });
    while (acks < 120) await sleep(5);
    killed = true;
    expect(await first.stop('SIGKILL')).toBeNull();
    await Promise.all(loops);

    const second = await start({}, port);
    const stored = new Map((await record(second.url, mod.token, sessionId)).polls[0].ballots.map((b) => [b.personId, b.choices]));
    // Every acknowledged ballot survived: each voter's stored choice is their last acknowledged one, or the
    // one that was in flight when the process died (committed, the ack lost); never an older one.
    voters.forEach((v, i) => {
      if (lastAcked[i] < 0) return;
      expect([[cycle(lastAcked[i])], [cycle(lastAcked[i] + 1)]]).toContainEqual(stored.get(v.personId));
    });
    const voted = lastAcked.filter((n) => n >= 0).length;
    expect(voted).toBeGreaterThan(0);
    expect(stored.size).toBeGreaterThanOrEqual(voted);

    // The clients reconnect by themselves and re-join; the poll goes on where it stopped.
    const view = await until(m, (v) => v.polls[0]?.results?.totals.total === stored.size && m.connected, 20_000);
    expect(view.polls[0].status).toBe('open');
    await until(clients[0], () => clients[0].connected, 20_000);
    await ok(clients[0], 'polls:vote', { sessionId, pollId: 'kill', choices: ['c'] });
    process.stdout.write(`polls SIGKILL: ${acks} ballots acknowledged before the kill by ${voted} of 40 voters, ${stored.size} stored\n`);
  }, 120_000);

  it('carries ballots and reactions through two processes over Redis: one log, one count, batches added up by the client', async () => {
    const { conferenceId } = await createFishbowl(api.db);
    const sessionId = await createTalk(api.db, conferenceId);
    const tokens = sessionTokens(SECRET);
    const [mod] = await insertPeople(api.db, tokens, conferenceId, 1, 'moderator', 'Mod');
    const voters = await insertPeople(api.db, tokens, conferenceId, 8, 'attendee', 'Gast');
    const [a, b] = await Promise.all([start({ REDIS_URL: TEST_REDIS_URL }), start({ REDIS_URL: TEST_REDIS_URL })]);
    const m = await follow(a.url, mod, sessionId);
    const onA = await Promise.all(voters.slice(0, 4).map((v) => follow(a.url, v, sessionId, 'hall')));
    const onB = await Promise.all(voters.slice(4).map((v) => follow(b.url, v, sessionId, 'remote')));

    // Created through A, opened through B: B's cache learns A's append inside its own transaction.
    await ok(m, 'polls:create', { sessionId, pollId: 'r', settings: { question: 'Pause jetzt?', options: YES_NO } });
    await ok(onB[0], 'polls:open', { sessionId, pollId: 'r' }).then(
      () => {
        throw new Error('an attendee opened a poll');
      },
      () => undefined,
    );
    const modOnB = await follow(b.url, mod, sessionId);
    await ok(modOnB, 'polls:open', { sessionId, pollId: 'r' });
    const acks = await Promise.all([...onA, ...onB].map((c, i) => ok(c, 'polls:vote', { sessionId, pollId: 'r', choices: [i < 3 ? 'ja' : 'nein'] })));
    const last = Math.max(...acks);
    expect(acks.slice().sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    // Hall: voters 0-3 on A (ja, ja, ja, nein); remote: 4-7 on B (nein each).
    for (const c of [m, onA[0], onB[3]]) {
      const view = await until(c, (v) => v.version >= last);
      expect(rowsOf(view, 'r')).toEqual([
        ['Ja', 3, 0, 3, 37.5],
        ['Nein', 1, 4, 5, 62.5],
      ]);
    }

    // Reactions sent to both processes: each flushes its own count; a watcher on A gets both and adds them up.
    const watcher = await connectReactions(a.url, voters[0].token);
    sockets.push(watcher);
    await send(watcher, 'reactions:join', { sessionId });
    const senders = await Promise.all([...voters.slice(1, 4).map((v) => connectReactions(a.url, v.token)), ...voters.slice(4).map((v) => connectReactions(b.url, v.token))]);
    sockets.push(...senders);
    for (const s of senders) expect((await send(s, 'reactions:join', { sessionId })).ok).toBe(true);
    await Promise.all(senders.flatMap((s) => [send(s, 'reactions:send', { sessionId, kind: 'applause' }), send(s, 'reactions:send', { sessionId, kind: 'laughter' })]));
    await sleep(2_500);
    const total = (k: 'applause' | 'laughter') => watcher.batches.reduce((n, x) => n + x.counts[k], 0);
    // 7 senders, one applause and one laughter each: 3 counted on A, 4 on B.
    expect([total('applause'), total('laughter')]).toEqual([7, 7]);
    expect(watcher.batches.length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
