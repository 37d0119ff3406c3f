import { buildQuestionRecord, toQuestionsCsv, toQuestionsMarkdown } from './record';
import { MOD, person, Session } from './testing/harness';

/** Four questions covering anonymity, read-aloud, a typo fix, a merge, a withdrawal and a formula-looking text. */
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
  it('CSV: every question, status and votes; anonymous unnamed; formula cells neutralised', () => {
    expect(toQuestionsCsv(buildQuestionRecord(session().state))).toBe(
      [
        'id,askedAt,askerName,anonymous,origin,readAloud,status,votes,text,originalText,mergedInto,toPodium',
        'q1,2020-09-21T09:00:00.000Z,Anna A.,false,hall,true,answered,2,Wie geht es weiter?,Wie gehts wieter?,,false',
        'q2,2020-09-21T09:01:00.000Z,,true,remote,false,approved,1,"Geheim, ""bitte""",,,true',
        "q3,2020-09-21T09:02:00.000Z,Carl,false,remote,false,merged,0,'=SUMME(A1) ist *fett*,,q2,false",
        'q4,2020-09-21T09:02:00.000Z,Dora,false,remote,false,withdrawn,0,Zurückgezogen,,,false',
        '',
      ].join('\r\n'),
    );
  });

  it('for moderators the anonymous asker is named', () => {
    expect(buildQuestionRecord(session().state, { names: 'moderators' })[1]).toMatchObject({ id: 'q2', askerName: 'Ben | B.', anonymous: true });
  });

  it('Markdown (German): open, approved and answered questions, escaped', () => {
    expect(toQuestionsMarkdown(buildQuestionRecord(session().state))).toBe(
      [
        '## Fragen',
        '',
        '| Nr. | Frage | Von | Ort | Stimmen | Status |',
        '| ---: | --- | --- | --- | ---: | --- |',
        '| 1 | Wie geht es weiter? (bitte vorlesen) | Anna A. | Saal | 2 | beantwortet |',
        '| 2 | Geheim, "bitte" | (anonym) | online | 1 | freigegeben |',
        '',
      ].join('\n'),
    );
  });

  it('Markdown (English) escapes names and text that could break the table', () => {
    const s = new Session('post');
    s.ask(person('x', 'attendee', 'Eve | <b>'), 'q1', '[link](http://evil) *x*');
    expect(toQuestionsMarkdown(buildQuestionRecord(s.state), 'en').split('\n')[4]).toBe('| 1 | \\[link\\]\\(http://evil\\) \\*x\\* | Eve \\| \\<b\\> | remote | 0 | pending |');
  });

  it('Markdown with no questions says so', () => {
    expect(toQuestionsMarkdown([], 'en')).toBe('## Questions\n\n| No. | Question | From | Where | Votes | Status |\n| ---: | --- | --- | --- | ---: | --- |\n\nNo questions.\n');
  });
});
