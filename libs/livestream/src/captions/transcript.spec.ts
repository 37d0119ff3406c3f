import { toPlainText, toSrt, toWebVtt, type TranscriptLine } from './transcript';

const lines: TranscriptLine[] = [
  { startMs: 65_250, endMs: 68_004, speaker: 'Annette Widmann-Mauz', text: 'Vielen Dank für die Einladung.' },
  { startMs: 1_500, endMs: 4_000, speaker: null, text: 'Willkommen zur <Podiumsdiskussion> & Fragen' },
  { startMs: 3_725_001, endMs: 3_725_001, speaker: 'Dr. <Ha>', text: 'Erste Zeile\nzweite Zeile' },
  { startMs: -2_000, endMs: 500, speaker: 'Moderation', text: 'Guten Morgen' },
];

describe('transcript exports (expected texts written by hand)', () => {
  it('WebVTT: sorted cues, dot before the milliseconds, voice spans, escaped markup, one line per cue', () => {
    expect(toWebVtt(lines)).toBe(
      'WEBVTT\n' +
        '\n' +
        '1\n00:00:00.000 --> 00:00:00.500\n<v Moderation>Guten Morgen\n' +
        '\n' +
        '2\n00:00:01.500 --> 00:00:04.000\nWillkommen zur &lt;Podiumsdiskussion&gt; &amp; Fragen\n' +
        '\n' +
        '3\n00:01:05.250 --> 00:01:08.004\n<v Annette Widmann-Mauz>Vielen Dank für die Einladung.\n' +
        '\n' +
        '4\n01:02:05.001 --> 01:02:06.001\n<v Dr. &lt;Ha&gt;>Erste Zeile zweite Zeile\n',
    );
  });

  it('SRT: comma before the milliseconds, the speaker as a prefix, no escaping', () => {
    expect(toSrt(lines)).toBe(
      '1\n00:00:00,000 --> 00:00:00,500\nModeration: Guten Morgen\n' +
        '\n' +
        '2\n00:00:01,500 --> 00:00:04,000\nWillkommen zur <Podiumsdiskussion> & Fragen\n' +
        '\n' +
        '3\n00:01:05,250 --> 00:01:08,004\nAnnette Widmann-Mauz: Vielen Dank für die Einladung.\n' +
        '\n' +
        '4\n01:02:05,001 --> 01:02:06,001\nDr. <Ha>: Erste Zeile zweite Zeile\n',
    );
  });

  it('plain text: the second the line began and the speaker', () => {
    expect(toPlainText(lines)).toBe(
      '[00:00:00] Moderation: Guten Morgen\n' +
        '[00:00:01] Willkommen zur <Podiumsdiskussion> & Fragen\n' +
        '[00:01:05] Annette Widmann-Mauz: Vielen Dank für die Einladung.\n' +
        '[01:02:05] Dr. <Ha>: Erste Zeile zweite Zeile\n',
    );
  });

  it('an empty transcript is a valid WebVTT file and empty SRT and text', () => {
    expect(toWebVtt([])).toBe('WEBVTT\n');
    expect(toSrt([])).toBe('');
    expect(toPlainText([])).toBe('');
  });
});
