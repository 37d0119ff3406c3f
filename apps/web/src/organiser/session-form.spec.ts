import type { SessionView } from '../api/programme';
import { createBody, emptyForm, formOf, patchBody } from './session-form';

const BERLIN = 'Europe/Berlin';

function session(over: Partial<SessionView> = {}): SessionView {
  return {
    id: 's1',
    kind: 'fishbowl',
    title: 'Aktuelle Stunde',
    subtitle: null,
    abstract: 'Worüber wir reden',
    description: null,
    language: 'de',
    start: '2020-09-09T08:00:00.000Z', // 10:00 CEST
    end: '2020-09-09T09:30:00.000Z', // 11:30 CEST
    shownStart: '2020-09-09T08:00:00.000Z',
    shownEnd: '2020-09-09T09:30:00.000Z',
    localStart: '2020-09-09T10:00:00+02:00',
    localEnd: '2020-09-09T11:30:00+02:00',
    durationMinutes: 90,
    roomId: 'r1',
    trackId: null,
    people: [
      { personId: 'p-mod', role: 'moderator', name: 'Mo', function: null, organisation: null },
      { personId: 'p-a', role: 'speaker', name: 'Ada', function: null, organisation: null },
      { personId: 'p-b', role: 'speaker', name: 'Bea', function: null, organisation: null },
    ],
    capacity: 30,
    livestream: true,
    recordingConsent: false,
    recordingUrl: null,
    feedbackUrl: null,
    status: 'scheduled',
    delayMinutes: 0,
    ...over,
  };
}

describe('session form values from a stored session', () => {
  it('shows conference wall times and the people by role', () => {
    expect(formOf(session(), BERLIN)).toEqual({
      title: 'Aktuelle Stunde',
      kind: 'fishbowl',
      abstract: 'Worüber wir reden',
      language: 'de',
      date: '2020-09-09',
      start: '10:00',
      end: '11:30',
      extraDays: 0,
      roomId: 'r1',
      trackId: '',
      capacity: '30',
      livestream: true,
      people: { moderator: ['p-mod'], speaker: ['p-a', 'p-b'], interpreter: [], captioner: [] },
    });
  });

  it('an evening past midnight needs no extra day; a two-day workshop needs one', () => {
    const evening = formOf(session({ start: '2020-09-09T20:00:00.000Z', end: '2020-09-09T23:00:00.000Z' }), BERLIN);
    expect([evening.date, evening.start, evening.end, evening.extraDays]).toEqual(['2020-09-09', '22:00', '01:00', 0]);
    const twoDays = formOf(session({ start: '2018-09-26T07:00:00.000Z', end: '2018-09-27T15:00:00.000Z' }), BERLIN);
    expect([twoDays.date, twoDays.start, twoDays.end, twoDays.extraDays]).toEqual(['2018-09-26', '09:00', '17:00', 1]);
  });
});

describe('session form values to the api', () => {
  it('creates with UTC instants, empty fields left out and the three people lists', () => {
    const v = { ...emptyForm('2020-09-09'), title: 'Forum 1', kind: 'forum' as const, start: '14:00', end: '15:30', capacity: '40', people: { moderator: ['m'], speaker: [], interpreter: ['i'], captioner: ['c'] } };
    expect(createBody(v, BERLIN)).toEqual({
      title: 'Forum 1',
      kind: 'forum',
      abstract: undefined,
      language: 'de',
      start: '2020-09-09T12:00:00.000Z',
      end: '2020-09-09T13:30:00.000Z',
      roomId: undefined,
      trackId: undefined,
      capacity: 40,
      livestream: true,
      moderators: ['m'],
      speakers: [],
      interpreters: ['i'],
      captioners: ['c'],
    });
  });

  it('an end before the start lies on the next day', () => {
    const v = { ...emptyForm('2020-09-09'), start: '22:00', end: '01:00' };
    expect(createBody(v, BERLIN)).toMatchObject({ start: '2020-09-09T20:00:00.000Z', end: '2020-09-09T23:00:00.000Z' });
  });

  it('a patch carries only what changed', () => {
    const s = session();
    const unchanged = formOf(s, BERLIN);
    expect(patchBody(unchanged, s, BERLIN)).toEqual({});
    expect(patchBody({ ...unchanged, title: 'Neu' }, s, BERLIN)).toEqual({ title: 'Neu' });
    expect(patchBody({ ...unchanged, abstract: '', capacity: '', roomId: '' }, s, BERLIN)).toEqual({ abstract: null, capacity: null, roomId: null });
    expect(patchBody({ ...unchanged, end: '12:00' }, s, BERLIN)).toEqual({ end: '2020-09-09T10:00:00.000Z' });
  });

  it('a change of one person list sends all three, because the api replaces them together', () => {
    const s = session();
    const v = formOf(s, BERLIN);
    expect(patchBody({ ...v, people: { ...v.people, interpreter: ['p-i'] } }, s, BERLIN)).toEqual({
      moderators: ['p-mod'],
      speakers: ['p-a', 'p-b'],
      interpreters: ['p-i'],
      captioners: [],
    });
  });
});
