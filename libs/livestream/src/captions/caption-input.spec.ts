import { lineTimes, parseCaptionLine } from './caption-input';

const ok = { segmentId: 'cap-1', text: ' Guten Tag ', language: 'de' };

describe('caption line input', () => {
  it('accepts a line, trims text and speaker', () => {
    expect(parseCaptionLine({ ...ok, speaker: ' Anna ', startedAt: '2026-11-30T10:00:00.000Z' })).toEqual({
      segmentId: 'cap-1', text: 'Guten Tag', speaker: 'Anna', language: 'de', startedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(parseCaptionLine({ ...ok, language: 'de-DE-x-ls', speaker: '' })).toMatchObject({ speaker: null, startedAt: null, language: 'de-DE-x-ls' });
  });

  it.each([
    [null, 'body'],
    [[], 'body'],
    [{ ...ok, segmentId: '' }, 'segmentId'],
    [{ ...ok, segmentId: 'a b' }, 'segmentId'],
    [{ ...ok, text: '   ' }, 'text'],
    [{ ...ok, text: 'x'.repeat(2001) }, 'text'],
    [{ ...ok, speaker: 5 }, 'speaker'],
    [{ ...ok, language: 'Deutsch' }, 'language'],
    [{ ...ok, language: undefined }, 'language'],
    [{ ...ok, startedAt: 'yesterday' }, 'startedAt'],
    [{ ...ok, startedAt: '2026-13-45T99:00:00Z' }, 'startedAt'],
    [{ ...ok, final: true }, 'final'],
  ])('refuses %j naming %s', (body, field) => {
    expect(() => parseCaptionLine(body)).toThrow(expect.objectContaining({ code: 'VALIDATION', details: { field } }));
  });

  it('places a line from its first interim to its storing, at most 30 s back', () => {
    expect(lineTimes(1_000_000, 1_010_000, 1_006_500)).toEqual({ startMs: 6_500, endMs: 10_000 });
    expect(lineTimes(1_000_000, 1_060_000, 900_000)).toEqual({ startMs: 30_000, endMs: 60_000 });
    expect(lineTimes(1_000_000, 1_010_000, 1_020_000)).toEqual({ startMs: 10_000, endMs: 10_000 });
    expect(lineTimes(1_000_000, 1_010_000, null)).toEqual({ startMs: 10_000, endMs: 10_000 });
  });
});
