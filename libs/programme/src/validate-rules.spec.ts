import { DomainError } from '@podium/contracts';
import { conference, programme, room, session } from './testing/factories';
import { instantFromInput, validateConference, validateRoom, validateSessionWrite, validateTrack } from './validate';

/** The refusal's message and details, for comparing with literals written by hand. */
function refusal(fn: () => unknown): { message: string; details: unknown } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return { message: (e as DomainError).message, details: (e as DomainError).details };
  }
  throw new Error('not refused');
}

describe('validation rules in details (the message stays as before)', () => {
  const p = programme([session('welcome', '13:00', '14:00')]);
  const ok = session('fishbowl', '14:30', '16:00');

  it.each([
    [() => validateSessionWrite(p, { ...ok, end: '2018-08-27T12:00:00Z' }), 'end: must be after start', { field: 'end', rule: 'end-not-after-start', params: {} }],
    [() => validateSessionWrite(p, { ...ok, title: 'x'.repeat(301) }), 'title: must be at most 300 characters (got 301)', { field: 'title', rule: 'too-long', params: { max: 300, length: 301 } }],
    [() => validateSessionWrite(p, { ...ok, title: '  ' }), 'title: must not be blank', { field: 'title', rule: 'blank', params: {} }],
    [() => validateSessionWrite(p, { ...ok, roomId: 'attic' }), 'roomId: unknown room attic', { field: 'roomId', rule: 'unknown-room', params: { id: 'attic' } }],
    [() => validateSessionWrite(p, { ...ok, language: 'deutsch!' }), "language: must be a language tag such as 'de' or 'en'", { field: 'language', rule: 'language-tag', params: {} }],
    [() => validateSessionWrite(p, { ...ok, capacity: 0 }), 'capacity: must be a whole number from 1 to 1000000', { field: 'capacity', rule: 'whole-number', params: { min: 1, max: 1000000 } }],
    [() => validateSessionWrite(p, { ...ok, end: '2018-09-27T12:00:00Z' }), 'end: a session may last at most 10080 minutes', { field: 'end', rule: 'too-long-session', params: { maxMinutes: 10080 } }],
    [() => validateRoom(room('r', { kind: 'attic' as never })), 'room.kind: must be one of virtual-stage, forum-room, hall', { field: 'room.kind', rule: 'one-of', params: { allowed: ['virtual-stage', 'forum-room', 'hall'] } }],
    [() => validateTrack({ id: 't', name: 'Strang', color: 'red' }), "track.color: must be a colour '#rrggbb'", { field: 'track.color', rule: 'colour', params: {} }],
    [() => validateConference(conference({ timezone: 'Mars/Olympus' })), 'conference.timezone: "Mars/Olympus" is not an IANA timezone', { field: 'conference.timezone', rule: 'timezone', params: { value: 'Mars/Olympus' } }],
    [() => validateConference(conference({ endDate: '2018-08-26' })), 'conference.endDate: must not be before startDate', { field: 'conference.endDate', rule: 'end-date-before-start', params: {} }],
    [() => instantFromInput('morgen', 'Europe/Berlin', 'start'), 'start: must be an ISO 8601 instant with a zone (2020-10-25T01:30:00+02:00) or a local time in Europe/Berlin (2020-10-25T01:30)', { field: 'start', rule: 'time-input', params: { zone: 'Europe/Berlin' } }],
  ])('%#', (fn, message, details) => {
    const got = refusal(fn);
    expect(got.message).toBe(message);
    expect(got.details).toEqual(details);
  });
});
