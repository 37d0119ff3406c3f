import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `<dataDir>/server.json` tells the operator CLI where the running server answers, so printed
 * links carry its real port (PORT=0) instead of the CLI's own configuration.
 */
const FILE = 'server.json';

export function writeServerFile(dataDir: string, publicUrl: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, FILE), JSON.stringify({ pid: process.pid, publicUrl }), { mode: 0o600 });
}

/** Removes the file only when it is ours: a second server on the same data dir keeps its own. */
export function removeServerFile(dataDir: string): void {
  const running = readServerFile(dataDir);
  if (running?.pid === process.pid) rmSync(join(dataDir, FILE), { force: true });
}

function readServerFile(dataDir: string): { pid: number; publicUrl: string } | null {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; publicUrl?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.publicUrl === 'string' ? { pid: parsed.pid, publicUrl: parsed.publicUrl } : null;
  } catch {
    return null;
  }
}

/** The public URL of the server running on this data dir, or null when none is (a stale file is ignored). */
export function runningServerUrl(dataDir: string): string | null {
  const running = readServerFile(dataDir);
  if (!running) return null;
  try {
    process.kill(running.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user; still a running server.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return running.publicUrl;
}
