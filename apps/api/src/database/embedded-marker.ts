import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The running server leaves `embedded.json` (pid, socket URL) in the data directory. */
export function readEmbeddedMarker(dataDir: string): { pid: number; url: string } | null {
  const marker = join(dataDir, 'embedded.json');
  if (!existsSync(marker)) return null;
  try {
    const running = JSON.parse(readFileSync(marker, 'utf8')) as { pid: number; url: string };
    process.kill(running.pid, 0);
    return running;
  } catch {
    return null; // stale marker of a process that is gone
  }
}

export function runningEmbeddedOwner(dataDir: string): number | null {
  const running = readEmbeddedMarker(dataDir);
  return running && running.pid !== process.pid ? running.pid : null;
}
