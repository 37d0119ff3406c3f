import { api, startTestApp, type TestApp } from '../support/app';
import { createFishbowl, createPeople, type Person } from '../fishbowl/support';
import { connectPolls, connectReactions, createTalk, joinPolls, ok, outcome, rowsOf, send, sleep, until, type PollClient, type ReactionClient } from './support';

const YES_NO = [
  { id: 'ja', label: 'Ja' },
  { id: 'nein', label: 'Nein' },
  { id: 'enthaltung', label: 'Enthaltung' },
];

/** Polls, formal votes and reactions through the real api, PostgreSQL and Socket.IO; every expected number worked out by hand. */
describe('polls over /polls and reactions over /reactions', () => {
  let app: TestApp;
  let conferenceId: string;
  const sockets: { disconnect(): void }[] = [];
  let mod: Person;
  let people: Person[];

  const pollClient = async (p: Person, sessionId: string, mode?: 'hall' | 'remote') => {
    const c = await connectPolls(app.url, p.token);
    sockets.push(c);
    await joinPolls(c, sessionId, mode);
    return c;
  };

  beforeAll(async () => {
    app = await startTestApp('polls', { livekit: false, seedDemo: false });
    ({ conferenceId } = await createFishbowl(app.podium.dataSource));
    [mod] = await createPeople(app, conferenceId, 1, 'moderator', 'Moderatorin');
    people = await createPeople(app, conferenceId, 12, 'attendee', 'Mitglied');
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app?.stop();
  });

  it('single choice, named: live results split hall/remote, a changed vote counts once, names for moderators only', async () => {
    const sessionId = await createTalk(app.podium.dataSource, conferenceId);
    const m = await pollClient(mod, sessionId);
    const [a1, a2, a3] = await Promise.all([pollClient(people[0], sessionId, 'hall'), pollClient(people[1], sessionId, 'hall'), pollClient(people[2], sessionId)]);
    await ok(m, 'polls:create', { sessionId, pollId: 'p1', settings: { question: 'Tagesordnung annehmen?', options: YES_NO } });
    // A draft is the moderators' alone.
    await until(m, (v) => v.polls.length === 1);
    expect(a1.latest()!.polls).toEqual([]);
    expect(await outcome(a1, 'polls:vote', { sessionId, pollId: 'p1', choices: ['ja'] })).toBe('CONFLICT:POLL_NOT_OPEN');
    await ok(m, 'polls:open', { sessionId, pollId: 'p1' });

    await ok(a1, 'polls:vote', { sessionId, pollId: 'p1', choices: ['ja'] });
    await ok(a2, 'polls:vote', { sessionId, pollId: 'p1', choices: ['nein'] });
    await ok(a3, 'polls:vote', { sessionId, pollId: 'p1', choices: ['ja'] });
    // a3 changes their mind: the latest ballot counts, once.
    const last = await ok(a3, 'polls:vote', { sessionId, pollId: 'p1', choices: ['nein'] });
    const expected = [
      ['Ja', 1, 0, 1, 33.3],
      ['Nein', 1, 1, 2, 66.7],
      ['Enthaltung', 0, 0, 0, 0],
    ];
    const seen = await Promise.all([m, a1, a2, a3].map((c) => until(c, (v) => v.version >= last)));
    for (const v of seen) expect(rowsOf(v, 'p1')).toEqual(expected);
    expect(seen[1].polls[0].results!.totals).toEqual({ hall: 2, remote: 1, total: 3 });
    // Names: the moderators' view lists who chose what; attendees see counts only.
    expect(seen[0].polls[0].voters!.map((x) => [x.displayName, x.choices, x.origin])).toEqual([
      ['Mitglied 0001', ['ja'], 'hall'],
      ['Mitglied 0002', ['nein'], 'hall'],
      ['Mitglied 0003', ['nein'], 'remote'],
    ]);
    for (const v of seen.slice(1)) expect(v.polls[0].voters).toBeNull();
    // Each voter's own sockets learn their ballot.
    expect(a3.mine.at(-1)!.ballots).toEqual({ p1: ['nein'] });
    expect(a1.mine.at(-1)!.ballots).toEqual({ p1: ['ja'] });
  });

  it('multiple choice, anonymous: no names for anyone, at most maxChoices, the export without ballots', async () => {
    const sessionId = await createTalk(app.podium.dataSource, conferenceId);
    const m = await pollClient(mod, sessionId);
    const [v1, v2, v3] = await Promise.all([pollClient(people[3], sessionId, 'hall'), pollClient(people[4], sessionId), pollClient(people[5], sessionId)]);
    const options = [
      { id: 'a', label: 'Wohnen' },
      { id: 'b', label: 'Verkehr' },
      { id: 'c', label: 'Klima' },
    ];
    await ok(m, 'polls:create', { sessionId, pollId: 'themen', settings: { question: 'Welche Themen?', options, kind: 'multiple', maxChoices: 2, anonymous: true } });
    await ok(m, 'polls:open', { sessionId, pollId: 'themen' });
    expect(await outcome(v1, 'polls:vote', { sessionId, pollId: 'themen', choices: ['a', 'b', 'c'] })).toBe('VALIDATION:');
    expect(await outcome(v1, 'polls:vote', { sessionId, pollId: 'themen', choices: ['x'] })).toBe('VALIDATION:');
    await ok(v1, 'polls:vote', { sessionId, pollId: 'themen', choices: ['a', 'b'] });
    await ok(v2, 'polls:vote', { sessionId, pollId: 'themen', choices: ['b'] });
    const last = await ok(v3, 'polls:vote', { sessionId, pollId: 'themen', choices: ['c', 'a'] });
    const view = await until(m, (v) => v.version >= last);
    // Shares are of the 3 ballots: a multiple-choice poll adds up to more than 100 %.
    expect(rowsOf(view, 'themen')).toEqual([
      ['Wohnen', 1, 1, 2, 66.7],
      ['Verkehr', 1, 1, 2, 66.7],
      ['Klima', 0, 1, 1, 33.3],
    ]);
    expect(view.polls[0].voters).toBeNull();
    const csv = await fetch(`${app.url}/api/sessions/${sessionId}/polls/themen/result.csv`, { headers: { authorization: `Bearer ${mod.token}` } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('optionId,option,hall,remote,total,percent\r\na,Wohnen,1,1,2,66.7\r\n');
    expect(text).not.toContain('personId');
    expect(text).not.toContain('Mitglied');
  });

  it('formal vote: only eligible roles, one final vote per person even when sent at once, results after closing, exported', async () => {
    const db = app.podium.dataSource;
    const sessionId = await createTalk(db, conferenceId);
    const [s1, s2] = [people[6], people[7]];
    for (const [i, s] of [s1, s2].entries()) await db.query(`INSERT INTO session_person (session_id, person_id, role, position) VALUES ($1, $2, 'speaker', $3)`, [sessionId, s.personId, i]);
    const m = await pollClient(mod, sessionId);
    const speaker = await pollClient(s1, sessionId, 'hall');
    const attendee = await pollClient(people[8], sessionId);
    const settings = { question: 'Beschluss: Antrag A1', options: YES_NO, formal: true, eligibleRoles: ['speaker'] };
    expect(await outcome(attendee, 'polls:create', { sessionId, pollId: 'a1', settings })).toBe('FORBIDDEN:MODERATORS_ONLY');
    expect(await outcome(m, 'polls:create', { sessionId, pollId: 'a1', settings: { ...settings, eligibleRoles: [] } })).toBe('VALIDATION:');
    await ok(m, 'polls:create', { sessionId, pollId: 'a1', settings });
    expect(await outcome(m, 'polls:create', { sessionId, pollId: 'a1', settings })).toBe('CONFLICT:POLL_ID_TAKEN');
    await ok(m, 'polls:open', { sessionId, pollId: 'a1' });

    expect(await outcome(attendee, 'polls:vote', { sessionId, pollId: 'a1', choices: ['ja'] })).toBe('FORBIDDEN:NOT_ELIGIBLE');
    // Three different ballots at once from one person: exactly one is taken, the others are refused as final.
    const at = await Promise.all(['ja', 'nein', 'enthaltung'].map((c) => outcome(speaker, 'polls:vote', { sessionId, pollId: 'a1', choices: [c] })));
    expect(at.filter((x) => x === 'ok')).toHaveLength(1);
    expect(at.filter((x) => x === 'CONFLICT:ALREADY_VOTED')).toHaveLength(2);
    const taken = speaker.mine.at(-1)?.ballots.a1 ?? (await joinPolls(speaker, sessionId, 'hall')).mine.ballots.a1;
    // The same ballot again is a retry, not a second vote.
    expect(await outcome(speaker, 'polls:vote', { sessionId, pollId: 'a1', choices: taken })).toBe('ok');

    // While open, only moderators see the count.
    const live = await until(m, (v) => v.polls[0].results?.totals.total === 1);
    expect(live.polls[0].results!.totals).toEqual({ hall: 1, remote: 0, total: 1 });
    const before = (await joinPolls(attendee, sessionId)).view;
    expect(before.polls[0]).toMatchObject({ status: 'open', formal: true, results: null, eligibleRoles: ['speaker'] });

    const closed = await ok(m, 'polls:close', { sessionId, pollId: 'a1' });
    const after = await until(attendee, (v) => v.version >= closed);
    expect(after.polls[0].results!.totals).toEqual({ hall: 1, remote: 0, total: 1 });
    expect(await outcome(speaker, 'polls:vote', { sessionId, pollId: 'a1', choices: ['ja'] })).toBe('CONFLICT:POLL_NOT_OPEN');
    expect(await outcome(m, 'polls:open', { sessionId, pollId: 'a1' })).toBe('CONFLICT:POLL_CLOSED');
    expect(await outcome(m, 'polls:open', { sessionId, pollId: 'nope' })).toBe('NOT_FOUND:NO_POLL');

    // The exported result: moderators only; two people hold the eligible role, one voted.
    const refused = await api(app.url, 'GET', `/api/sessions/${sessionId}/polls/a1/result`, { token: people[8].token });
    expect(refused.status).toBe(403);
    const exported = await api(app.url, 'GET', `/api/sessions/${sessionId}/polls/a1/result`, { token: mod.token });
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ pollId: 'a1', formal: true, status: 'closed', eligibleRoles: ['speaker'], eligible: 2 });
    expect(exported.body.results.totals).toEqual({ hall: 1, remote: 0, total: 1 });
    expect(exported.body.ballots).toHaveLength(1);
    expect(exported.body.ballots[0]).toMatchObject({ personId: s1.personId, origin: 'hall', choices: taken });
    const record = await api(app.url, 'GET', `/api/sessions/${sessionId}/polls/record`, { token: mod.token });
    expect(record.body.polls.map((p: { pollId: string }) => p.pollId)).toEqual(['a1']);
    const md = await fetch(`${app.url}/api/sessions/${sessionId}/polls/minutes.md?lang=en`, { headers: { authorization: `Bearer ${mod.token}` } });
    expect(await md.text()).toContain('### Vote: Beschluss: Antrag A1');
  });

  it('aggregates reactions: N sends give one counts message per interval per process with the hand-computed totals', async () => {
    const sessionId = await createTalk(app.podium.dataSource, conferenceId);
    const watchers: ReactionClient[] = [];
    for (const p of people.slice(0, 10)) {
      const c = await connectReactions(app.url, p.token);
      sockets.push(c);
      expect((await send(c, 'reactions:join', { sessionId })).ok).toBe(true);
      watchers.push(c);
    }
    const outsider = await connectReactions(app.url, people[11].token);
    sockets.push(outsider);
    expect(await outcome(outsider, 'reactions:send', { sessionId, kind: 'applause' })).toBe('FORBIDDEN:NOT_ALLOWED');
    expect(await outcome(watchers[0], 'reactions:send', { sessionId, kind: 'boo' })).toBe('VALIDATION:');
    const started = Date.now();
    // 10 people: 3 applause each (the per-interval cap is 3, not reached), and every second one a heart: 40 sends.
    const acks = await Promise.all(
      watchers.flatMap((c, i) => [
        ...[0, 1, 2].map(() => send(c, 'reactions:send', { sessionId, kind: 'applause' })),
        ...(i % 2 === 0 ? [send(c, 'reactions:send', { sessionId, kind: 'heart' })] : []),
      ]),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    // Two full intervals later every count has gone out.
    await sleep(2_500);
    const elapsed = Date.now() - started;
    for (const c of watchers) {
      const sum = (k: 'applause' | 'heart' | 'laughter') => c.batches.reduce((n, b) => n + b.counts[k], 0);
      expect([sum('applause'), sum('heart'), sum('laughter')]).toEqual([30, 5, 0]);
      // At most one message per started interval (one process), never one per reaction.
      expect(c.batches.length).toBeGreaterThanOrEqual(1);
      expect(c.batches.length).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 1);
      for (const b of c.batches) expect(b.sessionId).toBe(sessionId);
    }
    expect(outsider.batches).toEqual([]);
  });

  it("puts the session's polls into the fishbowl's record, minutes and CSV (opened polls only in minutes and CSV)", async () => {
    const [{ id: sessionId }] = await app.podium.dataSource.query(
      `INSERT INTO session (conference_id, kind, title, starts_at, ends_at) VALUES ($1, 'fishbowl', 'Aktuelle Stunde', now(), now() + interval '1 hour') RETURNING id`,
      [conferenceId],
    );
    const m = await pollClient(mod, sessionId);
    const [hall, remote] = await Promise.all([pollClient(people[9], sessionId, 'hall'), pollClient(people[10], sessionId)]);
    await ok(m, 'polls:create', { sessionId, pollId: 'rec', settings: { question: 'Protokoll | genehmigen?', options: YES_NO } });
    await ok(m, 'polls:create', { sessionId, pollId: 'entwurf', settings: { question: 'Nie geöffnet', options: YES_NO } });
    await ok(m, 'polls:open', { sessionId, pollId: 'rec' });
    await ok(hall, 'polls:vote', { sessionId, pollId: 'rec', choices: ['ja'] });
    await ok(remote, 'polls:vote', { sessionId, pollId: 'rec', choices: ['enthaltung'] });
    await ok(m, 'polls:close', { sessionId, pollId: 'rec' });
    const base = `/api/sessions/${sessionId}/fishbowl`;

    const record = await api(app.url, 'GET', `${base}/record`, { token: mod.token });
    expect(record.body.polls.map((p: { pollId: string; status: string }) => [p.pollId, p.status])).toEqual([
      ['rec', 'closed'],
      ['entwurf', 'draft'],
    ]);
    expect(record.body.polls[0].results.totals).toEqual({ hall: 1, remote: 1, total: 2 });

    const md = await api(app.url, 'GET', `${base}/minutes.md`, { token: mod.token });
    expect(md.body).toContain('# Protokoll Fishbowl');
    expect(md.body).toContain(
      [
        '## Umfragen und Abstimmungen',
        '',
        '### Umfrage: Protokoll \\| genehmigen?',
        '',
        '| Antwort | Saal | Online | Gesamt | % |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| Ja | 1 | 0 | 1 | 50 |',
        '| Nein | 0 | 0 | 0 | 0 |',
        '| Enthaltung | 0 | 1 | 1 | 50 |',
        '',
        'Abgegebene Stimmen: 2 (Saal 1, online 1)',
      ].join('\n'),
    );
    expect(md.body).not.toContain('Nie geöffnet');

    const csv = await api(app.url, 'GET', `${base}/minutes.csv?table=polls`, { token: mod.token });
    expect(csv.body).toBe(
      [
        'pollId,question,kind,formal,anonymous,status,optionId,option,hall,remote,total,percent,ballots',
        'rec,Protokoll | genehmigen?,single,false,false,closed,ja,Ja,1,0,1,50,2',
        'rec,Protokoll | genehmigen?,single,false,false,closed,nein,Nein,0,0,0,0,2',
        'rec,Protokoll | genehmigen?,single,false,false,closed,enthaltung,Enthaltung,0,1,1,50,2',
        '',
      ].join('\r\n'),
    );
    const alone = await api(app.url, 'GET', `/api/sessions/${sessionId}/polls/minutes.csv`, { token: mod.token });
    expect(alone.body).toBe(csv.body);
    expect((await api(app.url, 'GET', `${base}/minutes.csv?table=polls`, { token: people[9].token })).status).toBe(403);
  });
});
