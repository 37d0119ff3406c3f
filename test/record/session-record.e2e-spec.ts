// The session record of a talk (issue 14): questions with status, votes, pin, edits and merge, and a poll, in the
// JSON record, the Markdown minutes and the CSV tables; moderators only; a forum's own part (attendance, turns,
// breakouts, mutes) in its session record. Real api, PostgreSQL and Socket.IO clients.
import type { ForumActor } from '@podium/contracts';
import type { ForumCommand } from '@podium/forum';
import { ForumStore } from '../../apps/api/src/forum/forum-store';
import { api, startTestApp, type TestApp } from '../support/app';
import { createSession } from '../livestream/fixtures';
import { createFishbowl, createPeople, type Person } from '../fishbowl/support';
import { connectPolls, createTalk, joinPolls, ok as pollOk, type PollClient } from '../polls/support';
import { connectQuestions, qjoin, qok, type QClient } from '../questions/support';

jest.setTimeout(120_000);

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
let app: TestApp;
let talk: string;
let fishbowl: string;
let forum: string;
let mod: Person, anna: Person, ben: Person, carla: Person, dora: Person, eve: Person;
const sockets: (QClient | PollClient)[] = [];

async function questionsOf(p: Person, sessionId: string): Promise<QClient> {
  const s = await connectQuestions(app.url, p.token);
  sockets.push(s);
  await qjoin(s, sessionId, p === mod ? 'moderator' : 'attendee');
  return s;
}

async function pollsOf(p: Person, sessionId: string, mode?: 'hall' | 'remote'): Promise<PollClient> {
  const s = await connectPolls(app.url, p.token);
  sockets.push(s);
  await joinPolls(s, sessionId, mode);
  return s;
}

beforeAll(async () => {
  app = await startTestApp('session-record', { livekit: false, seedDemo: false });
  const db = app.podium.dataSource;
  const created = await createFishbowl(db);
  fishbowl = created.sessionId;
  forum = await createSession(app, { conference: created.slug, kind: 'forum', title: 'Forum 3: Wohnen' });
  talk = await createTalk(db, created.conferenceId);
  [mod] = await createPeople(app, created.conferenceId, 1, 'moderator', 'Moderatorin');
  [anna, ben, carla, dora, eve] = await createPeople(app, created.conferenceId, 5, 'attendee', 'Gast');

  const [m, a, b, c, d] = await Promise.all([mod, anna, ben, carla, dora].map((p) => questionsOf(p, talk)));
  const sessionId = talk;
  await qok(a, 'questions:ask', { sessionId, questionId: ID(1), text: 'Wie hoch ist das Budgte?', origin: 'hall', readAloud: true });
  await qok(b, 'questions:ask', { sessionId, questionId: ID(2), text: 'Kauft Pillen', origin: 'remote' });
  await qok(c, 'questions:ask', { sessionId, questionId: ID(3), text: 'Und das Budget?', origin: 'remote', anonymous: true });
  await qok(d, 'questions:ask', { sessionId, questionId: ID(4), text: 'Wan beginnt die Pause?', origin: 'remote' });
  await qok(m, 'questions:edit', { sessionId, questionId: ID(1), text: 'Wie hoch ist das Budget?' });
  await qok(m, 'questions:approve', { sessionId, questionId: ID(1) });
  await qok(m, 'questions:pin', { sessionId, questionId: ID(1) });
  await qok(m, 'questions:reject', { sessionId, questionId: ID(2) });
  await qok(m, 'questions:approve', { sessionId, questionId: ID(3) });
  await qok(b, 'questions:upvote', { sessionId, questionId: ID(1) });
  await qok(c, 'questions:upvote', { sessionId, questionId: ID(1) });
  await qok(d, 'questions:upvote', { sessionId, questionId: ID(3) });
  // The duplicate's voter joins the original's: 3 votes on question 1.
  await qok(m, 'questions:merge', { sessionId, questionId: ID(3), intoId: ID(1) });
  await qok(m, 'questions:edit', { sessionId, questionId: ID(4), text: 'Wann beginnt die Pause?' });

  const pm = await pollsOf(mod, talk);
  const [pa, pb] = [await pollsOf(anna, talk, 'hall'), await pollsOf(ben, talk, 'remote')];
  const yesNo = [{ id: 'ja', label: 'Ja' }, { id: 'nein', label: 'Nein' }];
  await pollOk(pm, 'polls:create', { sessionId, pollId: 'budget', settings: { question: 'Budget annehmen?', options: yesNo } });
  await pollOk(pm, 'polls:create', { sessionId, pollId: 'entwurf', settings: { question: 'Nie geöffnet', options: yesNo } });
  await pollOk(pm, 'polls:open', { sessionId, pollId: 'budget' });
  await pollOk(pa, 'polls:vote', { sessionId, pollId: 'budget', choices: ['ja'] });
  await pollOk(pb, 'polls:vote', { sessionId, pollId: 'budget', choices: ['nein'] });
  await pollOk(pm, 'polls:close', { sessionId, pollId: 'budget' });

  // One question in the fishbowl, to see it after the fishbowl's minutes.
  await qok(await questionsOf(anna, fishbowl), 'questions:ask', { sessionId: fishbowl, questionId: ID(5), text: 'Wer sitzt im Kreis?', origin: 'remote' });

  // The forum through its real store (entering needs LiveKit, which this app runs without): Carla comes and goes,
  // Anna raises her hand, everyone is muted, one round of breakouts is closed, Anna gets the floor (still hers:
  // 0 seconds spoken), Ben is removed.
  const store = app.podium.app.get(ForumStore);
  const actor = (p: Person, moderator = false): ForumActor => ({ personId: p.personId, displayName: p.name, moderator });
  const submit = (command: ForumCommand) => store.submit(forum, command);
  await submit({ type: 'enter', actor: actor(mod, true) });
  for (const p of [anna, ben, carla]) await submit({ type: 'enter', actor: actor(p) });
  await submit({ type: 'leave', actor: actor(carla) });
  await submit({ type: 'raise-hand', actor: actor(anna) });
  await submit({ type: 'mute', actor: actor(mod, true) });
  await submit({ type: 'open-breakouts', actor: actor(mod, true), groupSize: 2, durationSeconds: 600, groups: [[anna.personId], [ben.personId]], seed: 1 });
  await submit({ type: 'close-breakouts', actor: actor(mod, true) });
  await submit({ type: 'give-floor', actor: actor(mod, true), personId: anna.personId });
  await submit({ type: 'remove', actor: actor(mod, true), personId: ben.personId });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.stop();
});

const get = (path: string, who: Person = mod) => api(app.url, 'GET', `/api/sessions/${talk}${path}`, { token: who.token });
const anyTime = expect.any(Number);
/** ISO times come from the server's clock: the CSV literals below mask them. */
const masked = (csv: string) => csv.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>');

it('the JSON record of a talk: every question with status, votes, pin, edits, merge and asker; every poll', async () => {
  const record = await get('/record');
  expect(record.status).toBe(200);
  expect(record.body).toEqual({
    sessionId: talk,
    kind: 'talk',
    title: 'Haushalt 2027',
    until: anyTime,
    questions: [
      {
        id: ID(1), askedAt: anyTime, askerName: 'Gast 0001', anonymous: false, origin: 'hall', readAloud: true, status: 'approved', pinned: true, votes: 3,
        text: 'Wie hoch ist das Budget?', originalText: 'Wie hoch ist das Budgte?', edits: [{ at: anyTime, by: mod.personId, from: 'Wie hoch ist das Budgte?', to: 'Wie hoch ist das Budget?' }],
        mergedInto: null, toPodium: false,
      },
      { id: ID(2), askedAt: anyTime, askerName: 'Gast 0002', anonymous: false, origin: 'remote', readAloud: false, status: 'rejected', pinned: false, votes: 0, text: 'Kauft Pillen', originalText: null, edits: [], mergedInto: null, toPodium: false },
      // Anonymous towards attendees, never towards moderators: the record names the asker.
      { id: ID(3), askedAt: anyTime, askerName: 'Gast 0003', anonymous: true, origin: 'remote', readAloud: false, status: 'merged', pinned: false, votes: 0, text: 'Und das Budget?', originalText: null, edits: [], mergedInto: ID(1), toPodium: false },
      {
        id: ID(4), askedAt: anyTime, askerName: 'Gast 0004', anonymous: false, origin: 'remote', readAloud: false, status: 'pending', pinned: false, votes: 0,
        text: 'Wann beginnt die Pause?', originalText: 'Wan beginnt die Pause?', edits: [{ at: anyTime, by: mod.personId, from: 'Wan beginnt die Pause?', to: 'Wann beginnt die Pause?' }],
        mergedInto: null, toPodium: false,
      },
    ],
    polls: [
      {
        pollId: 'budget', question: 'Budget annehmen?', kind: 'single', formal: false, anonymous: false, status: 'closed',
        results: {
          caption: 'Budget annehmen?',
          columns: ['option', 'hall', 'remote', 'total', 'percent'],
          rows: [
            { optionId: 'ja', label: 'Ja', hall: 1, remote: 0, total: 1, percent: 50, hallPercent: 100, remotePercent: 0 },
            { optionId: 'nein', label: 'Nein', hall: 0, remote: 1, total: 1, percent: 50, hallPercent: 0, remotePercent: 100 },
          ],
          totals: { hall: 1, remote: 1, total: 2 },
        },
      },
      {
        pollId: 'entwurf', question: 'Nie geöffnet', kind: 'single', formal: false, anonymous: false, status: 'draft',
        results: {
          caption: 'Nie geöffnet',
          columns: ['option', 'hall', 'remote', 'total', 'percent'],
          rows: [
            { optionId: 'ja', label: 'Ja', hall: 0, remote: 0, total: 0, percent: 0, hallPercent: 0, remotePercent: 0 },
            { optionId: 'nein', label: 'Nein', hall: 0, remote: 0, total: 0, percent: 0, hallPercent: 0, remotePercent: 0 },
          ],
          totals: { hall: 0, remote: 0, total: 0 },
        },
      },
    ],
    chat: [],
    transcript: [],
  });
});

it('the Markdown minutes of a talk: questions as a table with plural counts, then the opened poll (German and English)', async () => {
  const de = await get('/minutes.md');
  expect(de.status).toBe(200);
  expect(de.headers.get('content-type')).toMatch(/text\/markdown/);
  expect(de.body).toBe(
    [
      '# Protokoll: Haushalt 2027',
      '',
      '- Zeiten in Europe/Berlin',
      '',
      '## Fragen',
      '',
      '4 Fragen, 3 Stimmen. Nicht aufgeführt: 1 abgelehnt.',
      '',
      '| Nr. | Frage | Von | Ort | Stimmen | Status |',
      '| ---: | --- | --- | --- | ---: | --- |',
      '| 1 | Wie hoch ist das Budget? (bitte vorlesen) (bearbeitet) | Gast 0001 | Saal | 3 | freigegeben, angeheftet |',
      '| 2 | Und das Budget? | (anonym) | online | 0 | zusammengeführt in Nr. 1 |',
      '| 3 | Wann beginnt die Pause? (bearbeitet) | Gast 0004 | online | 0 | offen |',
      '',
      '## Umfragen und Abstimmungen',
      '',
      '### Umfrage: Budget annehmen?',
      '',
      '| Antwort | Saal | Online | Gesamt | % |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| Ja | 1 | 0 | 1 | 50 |',
      '| Nein | 0 | 1 | 1 | 50 |',
      '',
      'Abgegebene Stimmen: 2 (Saal 1, online 1)',
      '',
    ].join('\n'),
  );
  const en = await get('/minutes?format=md&lang=en');
  expect(en.body.split('\n').slice(0, 13)).toEqual([
    '# Minutes: Haushalt 2027',
    '',
    '- Times in Europe/Berlin',
    '',
    '## Questions',
    '',
    '4 questions, 3 votes. Not listed: 1 rejected.',
    '',
    '| No. | Question | From | Where | Votes | Status |',
    '| ---: | --- | --- | --- | ---: | --- |',
    '| 1 | Wie hoch ist das Budget? (please read out) (edited) | Gast 0001 | hall | 3 | approved, pinned |',
    '| 2 | Und das Budget? | (anonymous) | remote | 0 | merged into no. 1 |',
    '| 3 | Wann beginnt die Pause? (edited) | Gast 0004 | remote | 0 | pending |',
  ]);
});

it('the CSV tables of a talk: questions by default (askers named), polls; fishbowl tables refused', async () => {
  const questions = await get('/minutes.csv');
  expect(questions.status).toBe(200);
  expect(questions.headers.get('content-type')).toMatch(/text\/csv/);
  expect(masked(questions.body)).toBe(
    [
      'id,askedAt,askerName,anonymous,origin,readAloud,status,pinned,votes,text,originalText,edits,mergedInto,toPodium',
      `${ID(1)},<time>,Gast 0001,false,hall,true,approved,true,3,Wie hoch ist das Budget?,Wie hoch ist das Budgte?,1,,false`,
      `${ID(2)},<time>,Gast 0002,false,remote,false,rejected,false,0,Kauft Pillen,,0,,false`,
      `${ID(3)},<time>,Gast 0003,true,remote,false,merged,false,0,Und das Budget?,,0,${ID(1)},false`,
      `${ID(4)},<time>,Gast 0004,false,remote,false,pending,false,0,Wann beginnt die Pause?,Wan beginnt die Pause?,1,,false`,
      '',
    ].join('\r\n'),
  );
  expect((await get('/minutes?format=csv&table=questions')).body).toBe(questions.body);
  expect((await get('/minutes.csv?table=polls')).body).toBe(
    [
      'pollId,question,kind,formal,anonymous,status,optionId,option,hall,remote,total,percent,ballots',
      'budget,Budget annehmen?,single,false,false,closed,ja,Ja,1,0,1,50,2',
      'budget,Budget annehmen?,single,false,false,closed,nein,Nein,0,1,1,50,2',
      '',
    ].join('\r\n'),
  );
  expect((await get('/minutes.csv?table=chat')).body).toBe('seq,at,messageId,author,text,deleted\r\n');
  const seatings = await get('/minutes.csv?table=seatings');
  expect([seatings.status, seatings.body.error.details.field]).toEqual([400, 'table']);
  const format = await get('/minutes?format=pdf');
  expect([format.status, format.body.error.details.field]).toEqual([400, 'format']);
  const lang = await get('/minutes.md?lang=fr');
  expect([lang.status, lang.body.error.details.field]).toEqual([400, 'lang']);
});

it('only moderators get the record; the fishbowl paths answer for fishbowls only', async () => {
  for (const path of ['/record', '/minutes.md', '/minutes.csv', '/minutes?format=csv&table=questions']) {
    expect([path, (await get(path, eve)).status]).toEqual([path, 403]);
    expect([path, (await get(path, anna)).status]).toEqual([path, 403]);
  }
  expect((await get('/fishbowl/record')).status).toBe(404);
  expect((await api(app.url, 'GET', '/api/sessions/00000000-0000-4000-8000-000000000099/record', { token: mod.token })).status).toBe(404);
});

it('a fishbowl: its minutes go on with the questions after the fishbowl part, the same under both paths', async () => {
  const at = (path: string) => api(app.url, 'GET', `/api/sessions/${fishbowl}${path}`, { token: mod.token });
  const md = await at('/minutes.md');
  expect(md.body).toMatch(/^# Protokoll Fishbowl: Aktuelle Stunde\n/);
  expect(md.body.indexOf('## Ausgewogenheit')).toBeLessThan(md.body.indexOf('## Fragen'));
  expect(md.body).toContain('| 1 | Wer sitzt im Kreis? | Gast 0001 | online | 0 | offen |');
  expect((await at('/fishbowl/minutes.md')).body).toBe(md.body);
  const record = await at('/record');
  expect(record.body).toMatchObject({ sessionId: fishbowl, kind: 'fishbowl', seatings: [], questions: [{ id: ID(5), status: 'pending' }] });
  const { until: _a, ...viaFishbowl } = (await at('/fishbowl/record')).body;
  const { until: _b, ...viaSession } = record.body;
  expect(viaFishbowl).toEqual(viaSession);
  expect((await at('/minutes.csv')).body.split('\r\n')[0]).toMatch(/^from,to,chairIndex/);
});

describe('a forum: its own part in the session record', () => {
  const at = (path: string, who: Person = mod) => api(app.url, 'GET', `/api/sessions/${forum}${path}`, { token: who.token });
  const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  /** Wall-clock times of the minutes come from the server's clock: masked. */
  const clock = (md: string) => md.replace(/\d\d:\d\d:\d\d/g, '<t>');

  it('the JSON record has the forum record: people with turns, speaking time and hands, breakouts, mutes', async () => {
    const record = await at('/record');
    expect(record.status).toBe(200);
    expect(record.body.forum).toEqual({
      people: [
        { personId: mod.personId, displayName: 'Moderatorin 0001', firstEnteredAt: iso, lastLeftAt: null, turns: 0, speakingMs: 0, handsRaised: 0, removed: false },
        { personId: anna.personId, displayName: 'Gast 0001', firstEnteredAt: iso, lastLeftAt: null, turns: 1, speakingMs: 0, handsRaised: 1, removed: false },
        { personId: ben.personId, displayName: 'Gast 0002', firstEnteredAt: iso, lastLeftAt: iso, turns: 0, speakingMs: 0, handsRaised: 0, removed: true },
        { personId: carla.personId, displayName: 'Gast 0003', firstEnteredAt: iso, lastLeftAt: iso, turns: 0, speakingMs: 0, handsRaised: 0, removed: false },
      ],
      breakouts: [{ openedAt: iso, groups: 2, closedAt: iso, reason: 'closed' }],
      mutes: 1,
    });
    expect(record.body).toMatchObject({ sessionId: forum, kind: 'forum', title: 'Forum 3: Wohnen', questions: [], polls: [], chat: [] });
    expect((await at('/forum/record')).body).toEqual({ sessionId: forum, ...record.body.forum });
    expect((await get('/record')).body.forum).toBeUndefined(); // a talk has no forum part
  });

  it('the minutes have the forum section (German and English)', async () => {
    expect(clock((await at('/minutes.md')).body)).toBe(
      [
        '# Protokoll: Forum 3: Wohnen',
        '',
        '- Zeiten in Europe/Berlin',
        '',
        '## Forum',
        '',
        '| Person | Anwesend | Wortbeiträge | Redezeit | Handmeldungen |',
        '| --- | --- | --- | --- | --- |',
        '| Moderatorin 0001 | <t>– | 0 | 0:00 | 0 |',
        '| Gast 0001 | <t>– | 1 | 0:00 | 1 |',
        '| Gast 0002 (entfernt) | <t>–<t> | 0 | 0:00 | 0 |',
        '| Gast 0003 | <t>–<t> | 0 | 0:00 | 0 |',
        '',
        '### Kleingruppen',
        '',
        '- <t>–<t>: 2 Gruppen, beendet',
        '',
        'Stummschaltungen durch die Moderation: 1',
        '',
      ].join('\n'),
    );
    expect(clock((await at('/minutes.md?lang=en')).body)).toBe(
      [
        '# Minutes: Forum 3: Wohnen',
        '',
        '- Times in Europe/Berlin',
        '',
        '## Forum',
        '',
        '| Person | Present | Turns | Speaking time | Hands raised |',
        '| --- | --- | --- | --- | --- |',
        '| Moderatorin 0001 | <t>– | 0 | 0:00 | 0 |',
        '| Gast 0001 | <t>– | 1 | 0:00 | 1 |',
        '| Gast 0002 (removed) | <t>–<t> | 0 | 0:00 | 0 |',
        '| Gast 0003 | <t>–<t> | 0 | 0:00 | 0 |',
        '',
        '### Breakout groups',
        '',
        '- <t>–<t>: 2 groups, closed',
        '',
        'Mutes by the moderators: 1',
        '',
      ].join('\n'),
    );
  });

  it('the CSV table attendance for forums (questions stay the default), refused for a talk', async () => {
    expect(masked((await at('/minutes.csv?table=attendance')).body)).toBe(
      [
        'personId,displayName,firstEnteredAt,lastLeftAt,turns,speakingSeconds,handsRaised,removed',
        `${mod.personId},Moderatorin 0001,<time>,,0,0,0,false`,
        `${anna.personId},Gast 0001,<time>,,1,0,1,false`,
        `${ben.personId},Gast 0002,<time>,<time>,0,0,0,true`,
        `${carla.personId},Gast 0003,<time>,<time>,0,0,0,false`,
        '',
      ].join('\r\n'),
    );
    expect((await at('/minutes.csv')).body.split('\r\n')[0]).toMatch(/^id,askedAt,askerName/);
    const refused = await get('/minutes.csv?table=attendance');
    expect([refused.status, refused.body.error.details.field]).toEqual([400, 'table']);
  });
});
