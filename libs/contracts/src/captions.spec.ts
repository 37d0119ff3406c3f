import { captionAttributes, segmentFrom } from './captions';

describe('caption protocol', () => {
  it('writes the attributes LiveKit agents use, plus speaker and language when known', () => {
    expect(captionAttributes({ segmentId: 'c-1', final: false, speaker: null, language: null })).toEqual({ 'lk.segment_id': 'c-1', 'lk.transcription_final': 'false' });
    expect(captionAttributes({ segmentId: 'c-2', final: true, speaker: 'Reiner Haseloff', language: 'de' })).toEqual({
      'lk.segment_id': 'c-2',
      'lk.transcription_final': 'true',
      'podium.speaker': 'Reiner Haseloff',
      'podium.language': 'de',
    });
  });

  it('reads an agent stream (no Podium attributes) and falls back to the stream id without a segment id', () => {
    expect(segmentFrom('hello', { 'lk.segment_id': 'SG_1', 'lk.transcription_final': 'true', 'lk.transcribed_track_id': 'TR_a' }, 'stream-9')).toEqual({
      segmentId: 'SG_1', text: 'hello', final: true, speaker: null, language: null,
    });
    expect(segmentFrom('x', undefined, 'stream-9')).toEqual({ segmentId: 'stream-9', text: 'x', final: false, speaker: null, language: null });
  });
});
