/** Progress goes to stderr, so that the last line on stdout is the one JSON result. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
