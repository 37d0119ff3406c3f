import { DomainError } from '@podium/contracts';
import { LIMITS } from './model';
import { programme, session } from './testing/factories';
import { validateConference, validateProgramme, validateRoom, validateSessionWrite, validateTrack } from './validate';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION');
    const field = (e as DomainError).details?.field as string;
    expect((e as DomainError).message.startsWith(`${field}:`)).toBe(true);
    return field;
  }
  return undefined;
}

describe('validateSessionWrite', () => {
  const p = programme([session('welcome', '13:00', '14:00')], { tracks: [{ id: 'day1', name: 'Integration vor Ort gestalten' }] });
  const ok = session('fishbowl', '14:30', '16:00', { trackId: 'day1', people: [{ personId: 'wm', role: 'speaker' }] });

  it('returns the session normalised, defaults filled', () => {
    const { language: _l, people: _p, livestream: _ls, recordingConsent: _r, status: _s, delayMinutes: _d, ...bare } = ok;
    const result = validateSessionWrite(p, { ...bare, start: '2018-08-27T14:30:00+02:00', end: '2018-08-27T16:00:00+02:00' });
    expect(result).toMatchObject({ language: 'de', people: [], livestream: false, recordingConsent: false, status: 'scheduled', delayMinutes: 0 });
    expect(result.start).toBe('2018-08-27T12:30:00.000Z');
    expect(result).not.toHaveProperty('abstract');
  });

  it.each([
    ['end', { end: session('x', '14:00', '14:30').start }],
    ['end', { end: session('x', '14:30', '14:30').start }],
    ['start', { start: '2018-08-27 14:30' }],
    ['end', { end: '2018-08-27T16:00:00' }],
    ['roomId', { roomId: 'attic' }],
    ['trackId', { trackId: 'day9' }],
    ['title', { title: '' }],
    ['title', { title: '   ' }],
    ['title', { title: 'x'.repeat(LIMITS.title + 1) }],
    ['title', { title: 'Zeile\nZeile' }],
    ['abstract', { abstract: 'x'.repeat(LIMITS.abstract + 1) }],
    ['kind', { kind: 'party' }],
    ['language', { language: 'Deutsch' }],
    ['status', { status: 'paused' }],
    ['delayMinutes', { delayMinutes: -1 }],
    ['capacity', { capacity: 0 }],
    ['livestream', { livestream: 'yes' }],
    ['people[0].personId', { people: [{ personId: 'nobody', role: 'speaker' }] }],
    ['people[0].role', { people: [{ personId: 'wm', role: 'chair' }] }],
    ['people[1]', { people: [{ personId: 'wm', role: 'speaker' }, { personId: 'wm', role: 'speaker' }] }],
    ['id', { id: 'has space' }],
    ['guid', { guid: 'not-a-uuid' }],
    ['url', { url: 'javascript:alert(1)' }],
  ])('names the field %s', (field, change) => {
    expect(fieldOf(() => validateSessionWrite(p, { ...ok, ...change } as never))).toBe(field);
  });

  it('keeps multi-line abstracts and allows a moderator who also speaks', () => {
    const s = validateSessionWrite(p, { ...ok, abstract: 'Erste Zeile\nZweite Zeile', people: [{ personId: 'wm', role: 'moderator' }, { personId: 'wm', role: 'speaker' }] });
    expect(s.abstract).toContain('\n');
  });

  it('refuses a duplicate id on create and an unknown id on update', () => {
    expect(fieldOf(() => validateSessionWrite(p, session('welcome', '10:00', '11:00'), { mode: 'create' }))).toBe('id');
    expect(() => validateSessionWrite(p, session('new', '10:00', '11:00'), { mode: 'update' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(validateSessionWrite(p, session('welcome', '10:00', '11:00'), { mode: 'update' }).id).toBe('welcome');
  });
});

describe('validateConference, rooms, tracks and whole programmes', () => {
  const base = programme([]).conference;

  it('needs a real IANA timezone and ordered local dates', () => {
    expect(validateConference(base).timezone).toBe('Europe/Berlin');
    expect(validateConference({ ...base, timezone: undefined as never }).timezone).toBe('Europe/Berlin');
    expect(fieldOf(() => validateConference({ ...base, timezone: 'Europe/Kassel' }))).toBe('conference.timezone');
    expect(fieldOf(() => validateConference({ ...base, timezone: '+02:00' }))).toBe('conference.timezone');
    expect(fieldOf(() => validateConference({ ...base, endDate: '2018-08-26' }))).toBe('conference.endDate');
    expect(fieldOf(() => validateConference({ ...base, startDate: '2018-02-30' }))).toBe('conference.startDate');
    expect(fieldOf(() => validateConference({ ...base, slug: 'BuKo 2018' }))).toBe('conference.slug');
  });

  it('checks rooms and tracks', () => {
    expect(validateRoom({ id: 'r', name: 'Saal', kind: 'hall' } as never)).toEqual({ id: 'r', name: 'Saal', kind: 'hall', changeoverMinutes: 0, position: 0 });
    expect(fieldOf(() => validateRoom({ id: 'r', name: 'Saal', kind: 'hall', changeoverMinutes: -5, position: 0 }))).toBe('room.changeoverMinutes');
    expect(fieldOf(() => validateTrack({ id: 't', name: 'Tag 1', color: 'red' }))).toBe('track.color');
  });

  it('refuses duplicate ids across a programme', () => {
    const p = programme([session('a', '10:00', '11:00'), session('a', '12:00', '13:00')]);
    expect(fieldOf(() => validateProgramme(p))).toBe('sessions[1].id');
    const rooms = programme([], { rooms: [{ id: 'r', name: 'A', kind: 'hall', changeoverMinutes: 0, position: 0 }, { id: 'r', name: 'B', kind: 'hall', changeoverMinutes: 0, position: 1 }] });
    expect(fieldOf(() => validateProgramme(rooms))).toBe('rooms[1].id');
  });

  it('names the session in a programme', () => {
    const p = programme([session('a', '10:00', '11:00'), session('b', '12:00', '11:00')]);
    expect(fieldOf(() => validateProgramme(p))).toBe('sessions[1].end');
  });
});
