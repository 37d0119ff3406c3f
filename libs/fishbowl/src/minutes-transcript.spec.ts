import { transcriptMarkdown } from './minutes-transcript';

describe('transcriptMarkdown', () => {
  it('lists the lines with time after the start, speaker and escaped text', () => {
    const lines = [
      { segmentId: 'a', startMs: -2000, endMs: 1000, speaker: null, text: 'Willkommen', language: 'de' },
      { segmentId: 'b', startMs: 3_725_000, endMs: 3_727_000, speaker: 'Dr. *Wiegand*', text: 'Siehe [hier](x)\nzweite Zeile', language: 'de' },
    ];
    expect(transcriptMarkdown(lines)).toBe(
      '## Mitschrift (Live-Untertitel)\n\n- 0:00:00 Willkommen\n- 1:02:05 **Dr. \\*Wiegand\\*:** Siehe \\[hier\\]\\(x\\) zweite Zeile\n',
    );
    expect(transcriptMarkdown(lines.slice(0, 1), 'en')).toBe('## Transcript (live captions)\n\n- 0:00:00 Willkommen\n');
  });

  it('is empty without captions', () => {
    expect(transcriptMarkdown([])).toBe('');
  });
});
