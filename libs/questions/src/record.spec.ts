import { buildQuestionRecord, toQuestionsCsv, toQuestionsMarkdown } from './record';
import { MOD, person, Session } from './testing/harness';

/** Four questions covering anonymity, read-aloud, a typo fix, a pin, a merge, a withdrawal and a formula-looking text. */
function session(): Session {
  const s = new Session('pre');
  s.ask(person('anna', 'attendee', 'Anna A.'), 'q1', 'Wie gehts wieter?', { origin: 'hall', readAloud: true });
  s.advance(60_000);
  s.ask(person('ben', 'attendee', 'Ben | B.'), 'q2', 'Geheim, "bitte"', { anonymous: true });
  s.advance(60_000);
  s.ask(person('carl', 'attendee', 'Carl'), 'q3', '=SUMME(A1) ist *fett*');
  s.ask(person('dora', 'attendee', 'Dora'), 'q4', 'Zurückgezogen');
  s.ok(MOD, { type: 'edit', questionId: 'q1', text: 'Wie geht es weiter?' });
  s.ok(MOD, { type: 'approve', questionId: 'q1' });
  s.ok(MOD, { type: 'approve', questionId: 'q2' });
  s.ok(MOD, { type: 'pin', questionId: 'q2' });
  s.ok(person('ben'), { type: 'upvote', questionId: 'q1' });
  s.ok(person('carl'), { type: 'upvote', questionId: 'q1' });
  s.ok(person('carl'), { type: 'upvote', questionId: 'q2' });
  s.ok(MOD, { type: 'mark-answered', questionId: 'q1' });
  s.ok(MOD, { type: 'to-podium', questionId: 'q2' });
  s.ok(MOD, { type: 'merge', questionId: 'q3', intoId: 'q2' });
  s.ok(person('dora'), { type: 'withdraw', questionId: 'q4' });
  return s;
}

describe('question record and exports (expected text written by hand)', () => {
  it('CSV: every question, status, pin and votes; anonymous unnamed; formula cells neutralised', () => {
    expect(toQuestionsCsv(buildQuestionRecord(session().state))).toBe(
      [
        'id,askedAt,askerName,anonymous,origin,readAloud,status,pinned,votes,text,originalText,edits,mergedInto,toPodium',
        'q1,2020-09-21T09:00:00.000Z,Anna A.,false,hall,true,answered,false,2,Wie geht es weiter?,Wie gehts wieter?,1,,false',
        'q2,2020-09-21T09:01:00.000Z,,true,remote,false,approved,true,1,"Geheim, ""bitte""",,0,,true',
        "q3,2020-09-21T09:02:00.000Z,Carl,false,remote,false,merged,false,0,'=SUMME(A1) ist *fett*,,0,q2,false",
        'q4,2020-09-21T09:02:00.000Z,Dora,false,remote,false,withdrawn,false,0,Zurückgezogen,,0,,false',
        '',
      ].join('\r\n'),
    );
  });

  it('for moderators the anonymous asker is named', () => {
    expect(buildQuestionRecord(session().state, { names: 'moderators' })[1]).toMatchObject({ id: 'q2', askerName: 'Ben | B.', anonymous: true });
  });

  it('JSON: a fixed text keeps its original and every edit; pin, podium and merge target are there', () => {
    const [q1, q2, q3] = buildQuestionRecord(session().state, { names: 'moderators' });
    expect(q1).toEqual({
      id: 'q1', askedAt: Date.UTC(2020, 8, 21, 9, 0), askerName: 'Anna A.', anonymous: false, origin: 'hall', readAloud: true, status: 'answered', pinned: false, votes: 2,
      text: 'Wie geht es weiter?', originalText: 'Wie gehts wieter?', edits: [{ at: Date.UTC(2020, 8, 21, 9, 2), by: 'mod', from: 'Wie gehts wieter?', to: 'Wie geht es weiter?' }],
      mergedInto: null, toPodium: false,
    });
    expect([q2.pinned, q2.toPodium, q2.edits, q2.originalText]).toEqual([true, true, [], null]);
    expect([q3.status, q3.mergedInto, q3.votes]).toEqual(['merged', 'q2', 0]);
  });

  it('Markdown (German): the count with votes, then open, approved, answered and merged questions, escaped', () => {
    expect(toQuestionsMarkdown(buildQuestionRecord(session().state))).toBe(
      [
        '## Fragen',
        '',
        '4 Fragen, 3 Stimmen. Nicht aufgeführt: 1 zurückgezogen.',
        '',
        '| Nr. | Frage | Von | Ort | Stimmen | Status |',
        '| ---: | --- | --- | --- | ---: | --- |',
        '| 1 | Wie geht es weiter? (bitte vorlesen) (bearbeitet) | Anna A. | Saal | 2 | beantwortet |',
        '| 2 | Geheim, "bitte" | (anonym) | online | 1 | freigegeben, angeheftet, aufs Podium eingeladen |',
        '| 3 | =SUMME\\(A1\\) ist \\*fett\\* | Carl | online | 0 | zusammengeführt in Nr. 2 |',
        '',
      ].join('\n'),
    );
  });

  it('Markdown (English) of the same session', () => {
    expect(toQuestionsMarkdown(buildQuestionRecord(session().state), 'en').split('\n').slice(2, 9)).toEqual([
      '4 questions, 3 votes. Not listed: 1 withdrawn.',
      '',
      '| No. | Question | From | Where | Votes | Status |',
      '| ---: | --- | --- | --- | ---: | --- |',
      '| 1 | Wie geht es weiter? (please read out) (edited) | Anna A. | hall | 2 | answered |',
      '| 2 | Geheim, "bitte" | (anonymous) | remote | 1 | approved, pinned, invited to the podium |',
      '| 3 | =SUMME\\(A1\\) ist \\*fett\\* | Carl | remote | 0 | merged into no. 2 |',
    ]);
  });

  it('one question with one vote is singular in both languages; a rejected one is only counted', () => {
    const s = new Session('pre');
    s.ask(person('anna'), 'q1', 'Eine Frage');
    s.ask(person('ben'), 'q2', 'Werbung');
    s.ok(MOD, { type: 'approve', questionId: 'q1' });
    s.ok(MOD, { type: 'reject', questionId: 'q2' });
    s.ok(person('ben'), { type: 'upvote', questionId: 'q1' });
    const records = buildQuestionRecord(s.state);
    expect(toQuestionsMarkdown(records).split('\n')[2]).toBe('2 Fragen, 1 Stimme. Nicht aufgeführt: 1 abgelehnt.');
    expect(toQuestionsMarkdown(records.slice(0, 1), 'en').split('\n')[2]).toBe('1 question, 1 vote.');
    expect(toQuestionsMarkdown(records)).not.toContain('Werbung');
  });

  it('Markdown (English) escapes names and text that could break the table', () => {
    const s = new Session('post');
    s.ask(person('x', 'attendee', 'Eve | <b>'), 'q1', '[link](http://evil) *x*');
    expect(toQuestionsMarkdown(buildQuestionRecord(s.state), 'en').split('\n')[6]).toBe('| 1 | \\[link\\]\\(http://evil\\) \\*x\\* | Eve \\| \\<b\\> | remote | 0 | pending |');
  });

  it('Markdown with no questions says so', () => {
    expect(toQuestionsMarkdown([], 'en')).toBe('## Questions\n\n0 questions, 0 votes.\n\n| No. | Question | From | Where | Votes | Status |\n| ---: | --- | --- | --- | ---: | --- |\n\nNo questions.\n');
  });
});
