import { moveCorner, parsePipPrefs, resize } from './pip-prefs';

describe('sign-language picture-in-picture preferences', () => {
  it('reads stored values and falls back one by one', () => {
    expect(parsePipPrefs('{"corner":"top-left","size":"large","hidden":true}')).toEqual({ corner: 'top-left', size: 'large', hidden: true });
    expect(parsePipPrefs('{"corner":"middle","size":"large","hidden":"yes"}')).toEqual({ corner: 'bottom-right', size: 'large', hidden: false });
    expect(parsePipPrefs('not json')).toEqual({ corner: 'bottom-right', size: 'medium', hidden: false });
    expect(parsePipPrefs(null)).toEqual({ corner: 'bottom-right', size: 'medium', hidden: false });
  });

  it('moves to the corner on the arrow side', () => {
    expect(moveCorner('bottom-right', 'left')).toBe('bottom-left');
    expect(moveCorner('bottom-left', 'up')).toBe('top-left');
    expect(moveCorner('top-left', 'right')).toBe('top-right');
    expect(moveCorner('top-right', 'down')).toBe('bottom-right');
    expect(moveCorner('top-right', 'up')).toBe('top-right');
  });

  it('resizes within small..large', () => {
    expect(resize('medium', 1)).toBe('large');
    expect(resize('large', 1)).toBe('large');
    expect(resize('medium', -1)).toBe('small');
    expect(resize('small', -1)).toBe('small');
  });
});
