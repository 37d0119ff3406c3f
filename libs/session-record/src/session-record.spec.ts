import { DomainError, type FishbowlActor, type ForumActor, type ForumEvent } from '@podium/contracts';
import { FORUM_AGGREGATE, FORUM_SYSTEM, initialForum, type ForumCommand } from '@podium/forum';
import { execute as pollCommand, initialState as noPolls, type PollCommand, type PollsState } from '@podium/polls';
import { execute as questionCommand, initialState as noQuestions, type QuestionCommand, type QuestionsState } from '@podium/questions';
import { buildSessionRecord, csvTable, toSessionCsv, toSessionMinutes, type SessionRecordSource } from './index';

const T = Date.UTC(2026, 10, 30, 9, 0); // 10:00 in Berlin
const anna: FishbowlActor = { personId: 'anna', displayName: 'Anna', role: 'attendee' };
const ben: FishbowlActor = { personId: 'ben', displayName: 'Ben', role: 'attendee' };
const mona: FishbowlActor = { personId: 'mona', displayName: 'Mona', role: 'moderator' };

type Draft<C> = C extends unknown ? Omit<C, 'actor'> : never;
function questions(steps: [FishbowlActor, Draft<QuestionCommand>][]): QuestionsState {
  return steps.reduce((state, [actor, draft], i) => {
    const r = questionCommand(state, { ...draft, actor } as QuestionCommand, T + i * 1000);
    if (r instanceof DomainError) throw r;
    return r.state;
  }, noQuestions('s1'));
}
function polls(steps: [FishbowlActor, Draft<PollCommand>][]): PollsState {
  return steps.reduce((state, [actor, draft], i) => {
    const r = pollCommand(state, { ...draft, actor } as PollCommand, T + i * 1000);
    if (r instanceof DomainError) throw r;
    return r.state;
  }, noPolls('s1'));
}

/** A talk: one question approved and voted, one rejected; one closed poll and a draft; one chat message, one caption line. */
function talk(kind = 'talk'): SessionRecordSource {
  return {
    session: { id: 's1', kind, title: 'Haushalt 2027', timeZone: 'Europe/Berlin' },
    fishbowlLog: kind === 'fishbowl' ? [] : null,
    forumLog: kind === 'forum' ? [] : null,
    questions: questions([
      [anna, { type: 'ask', questionId: 'q1', text: 'Wie viel kostet das?', origin: 'hall', readAloud: true, mayTakeChair: true }],
      [ben, { type: 'ask', questionId: 'q2', text: 'Kauft *Pillen*', origin: 'remote', mayTakeChair: true }],
      [mona, { type: 'approve', questionId: 'q1' }],
      [mona, { type: 'reject', questionId: 'q2' }],
      [ben, { type: 'upvote', questionId: 'q1' }],
    ]),
    polls: polls([
      [mona, { type: 'create', pollId: 'p1', settings: { question: 'Zustimmung?', options: [{ id: 'ja', label: 'Ja' }, { id: 'nein', label: 'Nein' }] } }],
      [mona, { type: 'create', pollId: 'p2', settings: { question: 'Nie geöffnet', options: [{ id: 'ja', label: 'Ja' }, { id: 'nein', label: 'Nein' }] } }],
      [mona, { type: 'open', pollId: 'p1' }],
      [anna, { type: 'vote', pollId: 'p1', choices: ['ja'], origin: 'hall' }],
      [mona, { type: 'close', pollId: 'p1' }],
    ]),
    chat: [{ seq: 1, messageId: 'm1', at: Date.UTC(2026, 10, 30, 9, 5), authorName: 'Anna', text: 'Hallo', deleted: null }],
    transcript: [{ segmentId: 'c1', startMs: 65_000, endMs: 70_000, speaker: 'Mona', text: 'Willkommen.', language: 'de' }],
    until: T + 3_600_000,
  };
}

describe('session record of a talk (expected values written by hand)', () => {
  it('JSON: the questions with askers named, every poll, the chat and the transcript; no fishbowl fields', () => {
    const record = buildSessionRecord(talk());
    expect(Object.keys(record)).toEqual(['sessionId', 'kind', 'title', 'until', 'questions', 'polls', 'chat', 'transcript']);
    expect([record.sessionId, record.kind, record.title, record.until]).toEqual(['s1', 'talk', 'Haushalt 2027', T + 3_600_000]);
    expect(record.questions).toEqual([
      { id: 'q1', askedAt: T, askerName: 'Anna', anonymous: false, origin: 'hall', readAloud: true, status: 'approved', pinned: false, votes: 1, text: 'Wie viel kostet das?', originalText: null, edits: [], mergedInto: null, toPodium: false },
      { id: 'q2', askedAt: T + 1000, askerName: 'Ben', anonymous: false, origin: 'remote', readAloud: false, status: 'rejected', pinned: false, votes: 0, text: 'Kauft *Pillen*', originalText: null, edits: [], mergedInto: null, toPodium: false },
    ]);
    expect(record.polls.map((p) => [p.pollId, p.status, p.results.totals])).toEqual([
      ['p1', 'closed', { hall: 1, remote: 0, total: 1 }],
      ['p2', 'draft', { hall: 0, remote: 0, total: 0 }],
    ]);
    expect(record.chat).toEqual([{ seq: 1, messageId: 'm1', at: Date.UTC(2026, 10, 30, 9, 5), authorName: 'Anna', text: 'Hallo', deleted: null }]);
    expect(record.transcript.map((l) => l.text)).toEqual(['Willkommen.']);
  });

  it('Markdown (German): heading, questions, opened polls, chat, transcript', () => {
    expect(toSessionMinutes(talk())).toBe(
      [
        '# Protokoll: Haushalt 2027',
        '',
        '- Zeiten in Europe/Berlin',
        '',
        '## Fragen',
        '',
        '2 Fragen, 1 Stimme. Nicht aufgeführt: 1 abgelehnt.',
        '',
        '| Nr. | Frage | Von | Ort | Stimmen | Status |',
        '| ---: | --- | --- | --- | ---: | --- |',
        '| 1 | Wie viel kostet das? (bitte vorlesen) | Anna | Saal | 1 | freigegeben |',
        '',
        '## Umfragen und Abstimmungen',
        '',
        '### Umfrage: Zustimmung?',
        '',
        '| Antwort | Saal | Online | Gesamt | % |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| Ja | 1 | 0 | 1 | 100 |',
        '| Nein | 0 | 0 | 0 | 0 |',
        '',
        'Abgegebene Stimmen: 1 (Saal 1, online 0)',
        '',
        '## Chat der Sitzung',
        '',
        '- 10:05:00 **Anna:** Hallo',
        '',
        '## Mitschrift (Live-Untertitel)',
        '',
        '- 0:01:05 **Mona:** Willkommen.',
        '',
      ].join('\n'),
    );
  });

  it('Markdown (English) has the same sections in English', () => {
    const en = toSessionMinutes(talk(), 'en');
    expect(en.split('\n').slice(0, 7)).toEqual(['# Minutes: Haushalt 2027', '', '- Times in Europe/Berlin', '', '## Questions', '', '2 questions, 1 vote. Not listed: 1 rejected.']);
    expect(en).toContain('\n## Polls\n');
    expect(en).toContain('\n## Session chat\n');
    expect(en).toContain('\n## Transcript (live captions)\n');
  });

  it('a talk with nothing recorded says so; empty sections are left out', () => {
    const empty = { ...talk(), questions: noQuestions('s1'), polls: noPolls('s1'), chat: [], transcript: [] };
    expect(toSessionMinutes(empty)).toBe('# Protokoll: Haushalt 2027\n\n- Zeiten in Europe/Berlin\n\nKeine Fragen, Umfragen, Chatnachrichten oder Untertitel.\n');
  });

  it('CSV: questions (the default of a talk) name the askers; polls list opened polls only', () => {
    expect(toSessionCsv(talk(), csvTable('talk', undefined))).toBe(
      [
        'id,askedAt,askerName,anonymous,origin,readAloud,status,pinned,votes,text,originalText,edits,mergedInto,toPodium',
        'q1,2026-11-30T09:00:00.000Z,Anna,false,hall,true,approved,false,1,Wie viel kostet das?,,0,,false',
        'q2,2026-11-30T09:00:01.000Z,Ben,false,remote,false,rejected,false,0,Kauft *Pillen*,,0,,false',
        '',
      ].join('\r\n'),
    );
    expect(toSessionCsv(talk(), 'polls').split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(toSessionCsv(talk(), 'polls')).not.toContain('Nie geöffnet');
  });

  it('the tables a kind has: fishbowl tables only for fishbowls; anything else is a VALIDATION naming the field', () => {
    expect(csvTable('fishbowl', undefined)).toBe('seatings');
    expect(csvTable('fishbowl', 'questions')).toBe('questions');
    expect(csvTable('panel', 'chat')).toBe('chat');
    for (const [kind, table] of [['talk', 'seatings'], ['talk', 'people'], ['fishbowl', 'chats'], ['talk', ['questions']]] as const) {
      expect(() => csvTable(kind, table)).toThrow(expect.objectContaining({ code: 'VALIDATION', details: { field: 'table' } }));
    }
    expect(() => csvTable('talk', 'seatings')).toThrow("table must be one of 'questions', 'polls', 'chat'");
  });
});

describe('session record of a fishbowl', () => {
  it('JSON keeps the fishbowl record fields next to the questions', () => {
    const record = buildSessionRecord(talk('fishbowl'));
    expect(record).toMatchObject({ sessionId: 's1', kind: 'fishbowl', startedAt: null, endedAt: null, seatings: [], people: [] });
    expect(record.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
  });

  it('Markdown: the fishbowl minutes first, then questions, polls, chat, transcript', () => {
    const md = toSessionMinutes(talk('fishbowl'));
    expect(md.startsWith('# Protokoll Fishbowl: Haushalt 2027\n')).toBe(true);
    const at = ['## Ausgewogenheit', '## Fragen', '## Umfragen und Abstimmungen', '## Chat der Sitzung', '## Mitschrift (Live-Untertitel)'].map((h) => md.indexOf(h));
    expect(at.every((i, n) => i > 0 && (n === 0 || i > at[n - 1]))).toBe(true);
    expect(md).not.toContain('Zeiten in Europe/Berlin\n\n## Fragen');
  });

  it('CSV: seatings by default', () => {
    expect(toSessionCsv(talk('fishbowl'), csvTable('fishbowl', undefined)).split('\r\n')[0]).toMatch(/^from,to,chairIndex/);
  });
});

/** A forum's log from real commands at given minutes after T (the forum's own rules decide the events). */
function forumLog(steps: [number, ForumCommand][]): ForumEvent[] {
  let state = initialForum('s1');
  const log: ForumEvent[] = [];
  for (const [minutes, command] of steps) {
    const events = FORUM_AGGREGATE.decide(state, command, T + minutes * 60_000);
    if (events instanceof DomainError) throw events;
    for (const e of events) {
      state = FORUM_AGGREGATE.evolve(state, e);
      log.push(e);
    }
  }
  return log;
}

describe('session record of a forum', () => {
  const chair: ForumActor = { personId: 'mona', displayName: 'Mona', moderator: true };
  const a: ForumActor = { personId: 'anna', displayName: 'Anna', moderator: false };
  const b: ForumActor = { personId: 'ben', displayName: 'Ben', moderator: false };
  // Anna speaks 1:15 after raising her hand; one round of breakouts ends when its time is up; Ben is removed.
  const forum = (): SessionRecordSource => ({
    ...talk('forum'),
    forumLog: forumLog([
      [0, { type: 'enter', actor: chair }],
      [1, { type: 'enter', actor: a }],
      [2, { type: 'enter', actor: b }],
      [3, { type: 'raise-hand', actor: a }],
      [4, { type: 'give-floor', actor: chair, personId: 'anna' }],
      [5.25, { type: 'end-floor', actor: chair }],
      [6, { type: 'mute', actor: chair }],
      [7, { type: 'open-breakouts', actor: chair, groupSize: 2, durationSeconds: 600, groups: [['anna'], ['ben']], seed: 1 }],
      [17, { type: 'tick', actor: FORUM_SYSTEM }],
      [20, { type: 'remove', actor: chair, personId: 'ben' }],
      [21, { type: 'leave', actor: a }],
    ]),
  });

  it('JSON: the forum record under forum, before the questions', () => {
    const record = buildSessionRecord(forum());
    expect(Object.keys(record)).toEqual(['sessionId', 'kind', 'title', 'until', 'forum', 'questions', 'polls', 'chat', 'transcript']);
    expect(record.forum).toEqual({
      people: [
        { personId: 'mona', displayName: 'Mona', firstEnteredAt: '2026-11-30T09:00:00.000Z', lastLeftAt: null, turns: 0, speakingMs: 0, handsRaised: 0, removed: false },
        { personId: 'anna', displayName: 'Anna', firstEnteredAt: '2026-11-30T09:01:00.000Z', lastLeftAt: '2026-11-30T09:21:00.000Z', turns: 1, speakingMs: 75_000, handsRaised: 1, removed: false },
        { personId: 'ben', displayName: 'Ben', firstEnteredAt: '2026-11-30T09:02:00.000Z', lastLeftAt: '2026-11-30T09:20:00.000Z', turns: 0, speakingMs: 0, handsRaised: 0, removed: true },
      ],
      breakouts: [{ openedAt: '2026-11-30T09:07:00.000Z', groups: 2, closedAt: '2026-11-30T09:17:00.000Z', reason: 'time-up' }],
      mutes: 1,
    });
  });

  it('Markdown: the forum section after the heading, before the questions, in Berlin time', () => {
    const md = toSessionMinutes(forum());
    const section = [
      '## Forum',
      '',
      '| Person | Anwesend | Wortbeiträge | Redezeit | Handmeldungen |',
      '| --- | --- | --- | --- | --- |',
      '| Mona | 10:00:00– | 0 | 0:00 | 0 |',
      '| Anna | 10:01:00–10:21:00 | 1 | 1:15 | 1 |',
      '| Ben (entfernt) | 10:02:00–10:20:00 | 0 | 0:00 | 0 |',
      '',
      '### Kleingruppen',
      '',
      '- 10:07:00–10:17:00: 2 Gruppen, Zeit abgelaufen',
      '',
      'Stummschaltungen durch die Moderation: 1',
    ].join('\n');
    expect(md.startsWith(`# Protokoll: Haushalt 2027\n\n- Zeiten in Europe/Berlin\n\n${section}\n\n## Fragen\n`)).toBe(true);
    expect(toSessionMinutes(forum(), 'en')).toContain('| Anna | 10:01:00–10:21:00 | 1 | 1:15 | 1 |\n| Ben (removed) | 10:02:00–10:20:00 | 0 | 0:00 | 0 |\n\n### Breakout groups\n\n- 10:07:00–10:17:00: 2 groups, time up\n\nMutes by the moderators: 1\n');
  });

  it('CSV: attendance is a forum table (questions stay the default)', () => {
    expect(csvTable('forum', undefined)).toBe('questions');
    expect(toSessionCsv(forum(), csvTable('forum', 'attendance'))).toBe(
      [
        'personId,displayName,firstEnteredAt,lastLeftAt,turns,speakingSeconds,handsRaised,removed',
        'mona,Mona,2026-11-30T09:00:00.000Z,,0,0,0,false',
        'anna,Anna,2026-11-30T09:01:00.000Z,2026-11-30T09:21:00.000Z,1,75,1,false',
        'ben,Ben,2026-11-30T09:02:00.000Z,2026-11-30T09:20:00.000Z,0,0,0,true',
        '',
      ].join('\r\n'),
    );
    expect(() => csvTable('talk', 'attendance')).toThrow(DomainError);
  });
});
