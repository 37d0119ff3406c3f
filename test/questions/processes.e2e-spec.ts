import { apiProcesses } from '../support/api-processes';
import { freeTcpPort } from '../support/server-process';
import { TEST_REDIS_URL } from '../support/services';
import { createFishbowl, insertPeople, sessionTokens } from '../fishbowl/support';
import { connectQuestions, eventually, newId, qjoin, qok, qsend, type QClient } from './support';

const SECRET = 'questions-processes-secret-0123456789-abcdef';

/** The built api as real processes: two behind Redis share one list; a SIGKILL in the middle of voting loses no acknowledged vote. */
describe('questions across api processes', () => {
  const api = apiProcesses('questions-processes', SECRET);
  const { start, sockets } = api;

  const open = async (url: string, token: string, sessionId: string, audience: 'attendee' | 'moderator' = 'attendee', reconnection = true) => {
    const s = await connectQuestions(url, token, { reconnection });
    sockets.push(s);
    await qjoin(s, sessionId, audience);
    return s;
  };

  it('shows the same list on two processes over Redis, every vote through either counted once', async () => {
    const { conferenceId, sessionId } = await createFishbowl(api.db);
    const tokens = sessionTokens(SECRET);
    const [mod] = await insertPeople(api.db, tokens, conferenceId, 1, 'moderator', 'Mod');
    const people = await insertPeople(api.db, tokens, conferenceId, 10);
    const [a, b] = await Promise.all([start({ REDIS_URL: TEST_REDIS_URL }), start({ REDIS_URL: TEST_REDIS_URL })]);
    const modB = await open(b.url, mod.token, sessionId, 'moderator');
    const onA = await Promise.all(people.slice(0, 5).map((p) => open(a.url, p.token, sessionId)));
    const onB = await Promise.all(people.slice(5).map((p) => open(b.url, p.token, sessionId)));

    const q = newId();
    await qok(onA[0], 'questions:ask', { sessionId, questionId: q, text: 'Gilt das auch für Vereine?', origin: 'hall' });
    await qok(modB, 'questions:approve', { sessionId, questionId: q });
    // Nine voters on both processes at once, each twice: nine votes.
    const voters = [...onA.slice(1), ...onB];
    const acks = await Promise.all([...voters, ...voters].map((s) => qsend(s, 'questions:upvote', { sessionId, questionId: q })));
    expect(acks.filter((x) => x.ok)).toHaveLength(18);
    for (const s of [...onA, ...onB]) await eventually(() => s.attendee?.questions.find((x) => x.id === q)?.votes === 9);
    await eventually(() => modB.moderator?.questions.find((x) => x.id === q)?.votes === 9);
    const rows: { n: string }[] = await api.db.query(`SELECT count(*) AS n FROM question_event WHERE session_id = $1 AND type = 'question-upvoted'`, [sessionId]);
    expect(Number(rows[0].n)).toBe(9);
    await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
  }, 120_000);

  it('keeps every acknowledged vote through a SIGKILL in the middle of voting, and no vote twice', async () => {
    const { conferenceId, sessionId } = await createFishbowl(api.db);
    const tokens = sessionTokens(SECRET);
    const [mod, asker] = await insertPeople(api.db, tokens, conferenceId, 2, 'moderator', 'Mod');
    const people = await insertPeople(api.db, tokens, conferenceId, 60);
    const port = await freeTcpPort();
    const first = await start({}, port);
    const modSocket = await open(first.url, mod.token, sessionId, 'moderator', false);
    const askerSocket = await open(first.url, asker.token, sessionId, 'attendee', false);
    const q = newId();
    await qok(askerSocket, 'questions:ask', { sessionId, questionId: q, text: 'Was passiert beim Absturz?', origin: 'remote' });
    await qok(modSocket, 'questions:approve', { sessionId, questionId: q });
    const voters = await Promise.all(people.map((p) => open(first.url, p.token, sessionId, 'attendee', false)));

    const acked = new Set<string>();
    // A stream of votes, one every 20 ms, so the kill below lands in the middle of it.
    const pending = voters.map(async (s, i) => {
      await new Promise((r) => setTimeout(r, i * 20));
      if (!s.connected) return;
      return qsend(s, 'questions:upvote', { sessionId, questionId: q }, 5000).then(
        (ack) => void (ack.ok && acked.add(people[i].personId)),
        () => undefined, // no answer: the kill came first
      );
    });
    await eventually(() => acked.size >= 5, 20_000);
    expect(await first.stop('SIGKILL')).toBeNull();
    await Promise.all(pending);
    // The kill came in the middle: some votes were acknowledged, others never sent or never answered.
    expect(acked.size).toBeGreaterThanOrEqual(5);
    expect(acked.size).toBeLessThan(60);

    const second = await start({}, port);
    const after = await open(second.url, mod.token, sessionId, 'moderator');
    const votes = after.moderator!.questions.find((x) => x.id === q)!.votes;
    const rows: { actor: string }[] = await api.db.query(`SELECT actor FROM question_event WHERE session_id = $1 AND type = 'question-upvoted'`, [sessionId]);
    const inLog = rows.map((r) => r.actor);
    // Every acknowledged vote is in the log; no person twice; the view counts exactly the log.
    for (const id of acked) expect(inLog).toContain(id);
    expect(new Set(inLog).size).toBe(inLog.length);
    expect(votes).toBe(inLog.length);
    expect(votes).toBeGreaterThanOrEqual(acked.size);
    expect(votes).toBeLessThanOrEqual(60);
    // Voting goes on where it stopped: a voter whose vote was committed votes again without effect.
    const again = await open(second.url, people[0].token, sessionId);
    await qok(again, 'questions:upvote', { sessionId, questionId: q });
    const final = await open(second.url, mod.token, sessionId, 'moderator');
    expect(final.moderator!.questions.find((x) => x.id === q)!.votes).toBe(inLog.includes(people[0].personId) ? votes : votes + 1);
  }, 120_000);
});
