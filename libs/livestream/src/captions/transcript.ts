/** One final caption line of a session's transcript; times are milliseconds after the session start. */
export interface TranscriptLine {
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
}

/** Lines in time order, with negative times (sent before the start) moved to 0 and empty cues given 1 s. */
function normalised(lines: readonly TranscriptLine[]): TranscriptLine[] {
  return [...lines]
    .map((l) => {
      const startMs = Math.max(0, Math.round(l.startMs));
      const endMs = Math.max(startMs, Math.round(l.endMs));
      return { ...l, startMs, endMs: endMs === startMs ? startMs + 1000 : endMs };
    })
    .sort((a, b) => a.startMs - b.startMs);
}

function clock(ms: number, fraction: '.' | ','): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${two(h)}:${two(m)}:${two(s)}${fraction}${String(ms % 1000).padStart(3, '0')}`;
}

/** WebVTT forbids raw `&`, `<` and `-->` in cue text; escaping `&`, `<` and `>` covers all three. */
const vttEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A blank line ends a cue in both formats: line breaks inside a caption become spaces. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** WebVTT with voice spans (`<v Name>`) for the speaker. */
export function toWebVtt(lines: readonly TranscriptLine[]): string {
  const cues = normalised(lines).map((l, i) => {
    const text = vttEscape(oneLine(l.text));
    const body = l.speaker ? `<v ${vttEscape(oneLine(l.speaker))}>${text}` : text;
    return `${i + 1}\n${clock(l.startMs, '.')} --> ${clock(l.endMs, '.')}\n${body}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}

/** SubRip: numbered cues, comma before the milliseconds, the speaker as a prefix. */
export function toSrt(lines: readonly TranscriptLine[]): string {
  return normalised(lines)
    .map((l, i) => `${i + 1}\n${clock(l.startMs, ',')} --> ${clock(l.endMs, ',')}\n${l.speaker ? `${oneLine(l.speaker)}: ` : ''}${oneLine(l.text)}\n`)
    .join('\n');
}

/** Plain text for reading: one line per caption, the time it began and who spoke. */
export function toPlainText(lines: readonly TranscriptLine[]): string {
  return normalised(lines)
    .map((l) => `[${clock(l.startMs, '.').slice(0, 8)}] ${l.speaker ? `${oneLine(l.speaker)}: ` : ''}${oneLine(l.text)}\n`)
    .join('');
}
