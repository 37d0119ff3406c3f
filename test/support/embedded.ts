import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stopOrphanedEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { BUILT_SERVER } from './server-process';

/** The connection URL the running server left in its marker (`<dataDir>/embedded.json`). */
export function embeddedUrl(dataDir: string): string {
  return (JSON.parse(readFileSync(join(dataDir, 'embedded.json'), 'utf8')) as { url: string }).url;
}

/** Pids of PostgreSQL processes running on this data directory's cluster (Linux /proc). */
export function postgresProcessesOn(dataDir: string): number[] {
  const needle = join(dataDir, 'postgres');
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return argv.some((arg) => arg.endsWith('/postgres') || arg === 'postgres') && argv.includes(needle);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** Test clean-up: no PostgreSQL left running on the directory, then the directory removed. */
export async function removeEmbeddedDataDir(dataDir: string): Promise<void> {
  await stopOrphanedEmbeddedPostgres(dataDir).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}

/** The built operator CLI (`npm run podium -- ...`) on a data directory; resolves with its exit code and output. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = join(BUILT_SERVER, '..', 'cli', 'main.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
