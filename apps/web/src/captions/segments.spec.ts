import type { CaptionSegment } from '@podium/contracts';
import { applySegment } from './segments';

const seg = (segmentId: string, text: string, final = false): CaptionSegment => ({ segmentId, text, final, speaker: null, language: null });

describe('caption segments on screen', () => {
  it('an update replaces its segment in place; only the last three are kept', () => {
    let shown: CaptionSegment[] = [];
    shown = applySegment(shown, seg('a', 'Gu'));
    shown = applySegment(shown, seg('a', 'Guten Tag', true));
    shown = applySegment(shown, seg('b', 'Zwei', true));
    shown = applySegment(shown, seg('a', 'Guten Tag!', true)); // correction of an older line stays where it was
    expect(shown.map((s) => s.text)).toEqual(['Guten Tag!', 'Zwei']);
    shown = applySegment(applySegment(shown, seg('c', 'Drei')), seg('d', 'Vier'));
    expect(shown.map((s) => s.segmentId)).toEqual(['b', 'c', 'd']);
  });
});
