import { newSegmentId, parseCaptionPrefs } from './caption-prefs';

describe('caption preferences', () => {
  it('defaults when nothing or garbage is stored', () => {
    const defaults = { on: true, size: 'medium', contrast: 'dark', position: 'bottom' };
    expect(parseCaptionPrefs(null)).toEqual(defaults);
    expect(parseCaptionPrefs('{not json')).toEqual(defaults);
    expect(parseCaptionPrefs('[1]')).toEqual(defaults);
  });

  it('keeps known values and replaces unknown ones one by one', () => {
    expect(parseCaptionPrefs('{"on":false,"size":"xlarge","contrast":"yellow","position":"top"}')).toEqual({ on: false, size: 'xlarge', contrast: 'yellow', position: 'top' });
    expect(parseCaptionPrefs('{"on":"no","size":"huge","contrast":"light","position":"left"}')).toEqual({ on: true, size: 'medium', contrast: 'light', position: 'bottom' });
  });

  it('segment ids carry the time and four random characters', () => {
    expect(newSegmentId(1_700_000_000_000, () => 0)).toBe('cap-loyw3v28-0000');
    expect(newSegmentId(36, () => 0.5)).toBe('cap-10-i000');
  });
});
