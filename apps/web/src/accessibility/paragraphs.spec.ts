import { isVideoFile, paragraphs } from './paragraphs';

describe('paragraphs', () => {
  it('splits at blank lines and keeps the lines of a paragraph', () => {
    expect(paragraphs('Willkommen.\nDas ist die Tagung.\n\n  \nSie können mit·machen.\n')).toEqual([['Willkommen.', 'Das ist die Tagung.'], ['Sie können mit·machen.']]);
    expect(paragraphs('  \n\n')).toEqual([]);
  });
});

describe('isVideoFile', () => {
  it('plays files, links pages', () => {
    expect(isVideoFile('https://example.org/dgs/start.mp4')).toBe(true);
    expect(isVideoFile('https://example.org/dgs/start.WEBM?v=2')).toBe(true);
    expect(isVideoFile('https://video.example.org/watch?v=abc')).toBe(false);
    expect(isVideoFile('http://example.org/a.mp4')).toBe(false);
  });
});
