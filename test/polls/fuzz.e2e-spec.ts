// Random and malformed /polls and /reactions messages: each gets a well-formed answer, the socket stays, the rules hold.
import fc from 'fast-check';
import { PollsStore } from '../../apps/api/src/polls/polls-store';
import { createFishbowl, createPeople } from '../fishbowl/support';
import { startTestApp, type TestApp } from '../support/app';
import { connectPolls, connectReactions, createTalk, joinPolls, ok, send, type Ack } from './support';

const KNOWN_CODES = new Set(['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED']);
const EVENTS = ['polls:join', 'polls:part', 'polls:create', 'polls:open', 'polls:close', 'polls:vote'];
const REACTION_EVENTS = ['reactions:join', 'reactions:part', 'reactions:send'];
const MESSAGES = 300;

describe('socket fuzz on /polls and /reactions', () => {
  let app: TestApp;
  afterAll(async () => app?.stop());

  it('answers every malformed message with ok or a known error, keeps the socket and never lets an attendee moderate', async () => {
    app = await startTestApp('polls-fuzz', { livekit: false, seedDemo: false, env: { RATE_LIMIT_FACTOR: '0' } });
    const { conferenceId } = await createFishbowl(app.podium.dataSource);
    const sessionId = await createTalk(app.podium.dataSource, conferenceId);
    const [mod] = await createPeople(app, conferenceId, 1, 'moderator', 'Mod');
    const [attendee] = await createPeople(app, conferenceId, 1);
    const m = await connectPolls(app.url, mod.token);
    await joinPolls(m, sessionId);
    await ok(m, 'polls:create', { sessionId, pollId: 'f', settings: { question: 'Fuzz?', options: [{ id: 'ja', label: 'Ja' }, { id: 'nein', label: 'Nein' }] } });
    await ok(m, 'polls:open', { sessionId, pollId: 'f' });
    const a = await connectPolls(app.url, attendee.token);
    await joinPolls(a, sessionId, 'hall');
    const r = await connectReactions(app.url, attendee.token);

    // Near misses of real payloads (a wrong type, an extra field, a foreign id) and plain garbage.
    const field = fc.oneof(fc.anything(), fc.constant(sessionId), fc.constant('f'), fc.constant(['ja']), fc.string({ maxLength: 80 }));
    const payload = fc.oneof(
      fc.anything(),
      fc.constant({ sessionId }),
      fc.constant({ sessionId, pollId: 'f', choices: ['ja'] }),
      fc.record(
        { sessionId: fc.oneof(fc.constant(sessionId), field), pollId: fc.oneof(fc.constant('f'), field), choices: field, settings: field, mode: field, kind: field, extra: field },
        { requiredKeys: ['sessionId'] },
      ),
    );
    const messages = fc.sample(fc.tuple(fc.constantFrom(...EVENTS, ...REACTION_EVENTS), payload), { numRuns: MESSAGES, seed: 14 });
    const wrong: string[] = [];
    let oks = 0;
    for (const [event, p] of messages) {
      const socket = event.startsWith('reactions:') ? r : a;
      const ack = await send<Ack>(socket, event, p).catch((e: Error) => ({ error: { code: `no answer: ${e.message}`, message: '' } }) as Ack);
      if (ack.ok) oks++;
      else if (!ack.error || !KNOWN_CODES.has(ack.error.code) || typeof ack.error.message !== 'string') wrong.push(`${event} ${JSON.stringify(p)?.slice(0, 120)} -> ${JSON.stringify(ack)}`);
    }
    expect(wrong).toEqual([]);
    expect(a.connected && r.connected).toBe(true);
    // Some near misses are real requests (a join, a vote): the fuzz reached the handlers, not only validation.
    expect(oks).toBeGreaterThan(0);
    const log = await app.podium.app.get(PollsStore).log(sessionId);
    expect(log.filter((e) => e.actor.personId === attendee.personId && e.type !== 'ballot-cast')).toEqual([]);
    // Still serving: a real ballot after the fuzz is taken, and counted once.
    await ok(a, 'polls:vote', { sessionId, pollId: 'f', choices: ['nein'] });
    const state = await app.podium.app.get(PollsStore).current(sessionId);
    expect([...state.polls.get('f')!.ballots.keys()]).toEqual([attendee.personId]);
    for (const s of [m, a, r]) s.disconnect();
  }, 120_000);
});
