/** Text typed by organisers as paragraphs (blank lines between) and lines; never HTML. */
export function paragraphs(text: string): string[][] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .filter((p) => p.length > 0);
}

/** A DGS video URL that a <video> element can play (a file), or null: then it is linked instead. */
export function isVideoFile(url: string): boolean {
  return /^https:\/\/[^?#]+\.(mp4|webm|ogv)(\?[^#]*)?(#.*)?$/i.test(url);
}
