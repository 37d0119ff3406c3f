import { toPollCsv, toPollMarkdown, toPollsResultsCsv } from './export';
import { MOD, person, Polls, YES_NO } from './testing/harness';

function vote(anonymous: boolean): Polls {
  const p = new Polls();
  p.ok(MOD, { type: 'create', pollId: 'v1', settings: { question: 'Antrag 1: "Mehr Bänke"?', options: YES_NO, formal: true, anonymous, eligibleRoles: ['attendee'] } });
  p.advance(60_000);
  p.ok(MOD, { type: 'open', pollId: 'v1' });
  p.advance(1_000);
  p.vote(person('a', 'attendee', 'Anna'), 'v1', ['ja'], 'hall');
  p.vote(person('b', 'attendee', '=Ben'), 'v1', ['ja'], 'remote');
  p.advance(1_000);
  p.vote(person('c', 'attendee', 'Carl'), 'v1', ['enth'], 'remote');
  p.advance(58_000);
  p.ok(MOD, { type: 'close', pollId: 'v1' });
  return p;
}

describe('exported result (expected text written by hand)', () => {
  it('CSV of a named formal vote: summary, options, ballots', () => {
    expect(toPollCsv(vote(false).state.polls.get('v1')!)).toBe(
      [
        'pollId,question,kind,formal,anonymous,status,openedAt,closedAt,ballots,ballotsHall,ballotsRemote',
        'v1,"Antrag 1: ""Mehr Bänke""?",single,true,false,closed,2020-09-21T10:01:00.000Z,2020-09-21T10:02:00.000Z,3,1,2',
        '',
        'optionId,option,hall,remote,total,percent',
        'ja,Ja,1,1,2,66.7',
        'nein,Nein,0,0,0,0',
        'enth,Enthaltung,0,1,1,33.3',
        '',
        'personId,displayName,origin,choices,at',
        'a,Anna,hall,ja,2020-09-21T10:01:01.000Z',
        "b,'=Ben,remote,ja,2020-09-21T10:01:01.000Z",
        'c,Carl,remote,enth,2020-09-21T10:01:02.000Z',
        '',
      ].join('\r\n'),
    );
  });

  it('CSV of an anonymous vote has no ballot rows', () => {
    const csv = toPollCsv(vote(true).state.polls.get('v1')!);
    expect(csv.split('\r\n')).toHaveLength(8);
    expect(csv).not.toContain('Anna');
  });

  it('Markdown, German and English', () => {
    const poll = vote(true).state.polls.get('v1')!;
    expect(toPollMarkdown(poll)).toBe(
      [
        '### Abstimmung: Antrag 1: "Mehr Bänke"?',
        '',
        '| Antwort | Saal | Online | Gesamt | % |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| Ja | 1 | 1 | 2 | 66,7 |',
        '| Nein | 0 | 0 | 0 | 0 |',
        '| Enthaltung | 0 | 1 | 1 | 33,3 |',
        '',
        'Abgegebene Stimmen: 3 (Saal 1, online 2)',
        '',
      ].join('\n'),
    );
    expect(toPollMarkdown(poll, 'en').split('\n').slice(0, 5)).toEqual(['### Vote: Antrag 1: "Mehr Bänke"?', '', '| Option | Hall | Remote | Total | % |', '| --- | ---: | ---: | ---: | ---: |', '| Ja | 1 | 1 | 2 | 66.7 |']);
  });

  it("the session's CSV of every poll: one row per option, a draft with zeros, no names", () => {
    const p = vote(false);
    p.ok(MOD, { type: 'create', pollId: 'v2', settings: { question: 'Pause?', options: YES_NO.slice(0, 2) } });
    expect(toPollsResultsCsv([p.state.polls.get('v1')!, p.state.polls.get('v2')!])).toBe(
      [
        'pollId,question,kind,formal,anonymous,status,optionId,option,hall,remote,total,percent,ballots',
        'v1,"Antrag 1: ""Mehr Bänke""?",single,true,false,closed,ja,Ja,1,1,2,66.7,3',
        'v1,"Antrag 1: ""Mehr Bänke""?",single,true,false,closed,nein,Nein,0,0,0,0,3',
        'v1,"Antrag 1: ""Mehr Bänke""?",single,true,false,closed,enth,Enthaltung,0,1,1,33.3,3',
        'v2,Pause?,single,false,false,draft,ja,Ja,0,0,0,0,0',
        'v2,Pause?,single,false,false,draft,nein,Nein,0,0,0,0,0',
        '',
      ].join('\r\n'),
    );
  });
});
