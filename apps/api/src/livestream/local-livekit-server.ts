// Starts a real LiveKit server bound to loopback only: used by the api in development and by the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { freePort } from '../common/free-port';
import { join, resolve } from 'node:path';

export interface LocalLiveKitOptions {
  /** Path of the livekit-server binary. */
  binary: string;
  /** Directory for the config file and the server log. */
  dir: string;
  /** HTTP/signal port; free one when omitted (pass the old one to restart on the same port). */
  port?: number;
  /** Single UDP port for ICE media; free one when omitted. */
  rtcUdpPort?: number;
  /** ICE/TCP fallback port; 0 (default) turns it off because LiveKit binds it on all interfaces. */
  rtcTcpPort?: number;
  apiKey?: string;
  /** At least 32 characters (LiveKit complains otherwise). */
  apiSecret?: string;
  webhookUrls?: string[];
  emptyTimeoutSec?: number;
  departureTimeoutSec?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Environment of the server process (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Kill the server when this process dies without stop() (default true). */
  orphanGuard?: boolean;
  /** LiveKit's distributed mode: nodes sharing this Redis form one cluster (each room on one node). */
  redis?: LiveKitRedis;
}

export interface LiveKitRedis {
  /** host:port */
  address: string;
  db: number;
  username?: string;
  password?: string;
}

export interface LocalLiveKitServer {
  /** ws:// URL for clients and rtc-node. */
  url: string;
  /** http:// URL for RoomServiceClient. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  port: number;
  rtcUdpPort: number;
  rtcTcpPort: number;
  configPath: string;
  logPath: string;
  pid: number;
  /** LiveKit's node id (ND_...), from its start-up log line; the key of its rooms in Redis. */
  nodeId: string;
  /** SIGKILL, as a crash: no draining, its rooms stay assigned to it in Redis. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export type LiveKitConfigInput = Required<
  Pick<LocalLiveKitOptions, 'port' | 'rtcUdpPort' | 'rtcTcpPort' | 'apiKey' | 'apiSecret' | 'emptyTimeoutSec' | 'departureTimeoutSec' | 'logLevel'>
> & { webhookUrls: string[]; redis?: LiveKitRedis };

const q = (s: string): string => JSON.stringify(s); // JSON strings are valid YAML scalars

/** The loopback-only config of docs/livekit.md, as YAML text. */
export function renderLiveKitConfig(c: LiveKitConfigInput): string {
  const lines = [
    `port: ${c.port}`,
    `bind_addresses: [${q('127.0.0.1')}]`,
    `keys:`,
    `  ${q(c.apiKey)}: ${q(c.apiSecret)}`,
    `rtc:`,
    `  use_external_ip: false`,
    `  node_ip: 127.0.0.1`,
    `  udp_port: ${c.rtcUdpPort}`,
    `  tcp_port: ${c.rtcTcpPort}`,
    `  enable_loopback_candidate: true`,
    `  ips:`,
    `    includes: [${q('127.0.0.1/32')}]`,
    `  stun_servers: []`,
    `room:`,
    `  empty_timeout: ${c.emptyTimeoutSec}`,
    `  departure_timeout: ${c.departureTimeoutSec}`,
    `logging:`,
    `  level: ${c.logLevel}`,
  ];
  if (c.redis) {
    lines.push(`redis:`, `  address: ${q(c.redis.address)}`, `  db: ${c.redis.db}`);
    if (c.redis.username) lines.push(`  username: ${q(c.redis.username)}`);
    if (c.redis.password) lines.push(`  password: ${q(c.redis.password)}`);
  }
  if (c.webhookUrls.length > 0) {
    lines.push(`webhook:`, `  api_key: ${q(c.apiKey)}`, `  urls: [${c.webhookUrls.map(q).join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

/** `.tools/bin/livekit-server` of the repo, or LIVEKIT_BINARY, when it exists and is executable. */
export function findLiveKitBinary(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const candidate = env.LIVEKIT_BINARY ? resolve(env.LIVEKIT_BINARY) : join(repoRoot, '.tools', 'bin', 'livekit-server');
  try {
    accessSync(candidate, constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}


/** Last lines of the server log, for error messages. */
export function logTail(logPath: string, lines = 30): string {
  if (!existsSync(logPath)) return '(no log)';
  return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

// Runs detached: polls both pids each second; kills the server once the owner is gone.
const WATCHDOG = `const [owner, server] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
setInterval(() => {
  if (!alive(server)) process.exit(0);
  if (!alive(owner)) { try { process.kill(server, 'SIGKILL'); } catch {} process.exit(0); }
}, 1000);`;

/** A killed test run or api must not leave a LiveKit server holding ports on a shared machine. */
export function guardAgainstOrphans(serverPid: number, ownerPid: number = process.pid): void {
  spawn(process.execPath, ['-e', WATCHDOG, String(ownerPid), String(serverPid)], { stdio: 'ignore', detached: true }).unref();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function answersOk(httpUrl: string): Promise<boolean> {
  try {
    const res = await fetch(httpUrl + '/', { signal: AbortSignal.timeout(1000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(true);
    });
  });
}

export async function startLocalLiveKitServer(opts: LocalLiveKitOptions): Promise<LocalLiveKitServer> {
  const apiSecret = opts.apiSecret ?? randomBytes(24).toString('hex');
  if (apiSecret.length < 32) throw new Error('LiveKit apiSecret must have at least 32 characters');
  const config: LiveKitConfigInput = {
    port: opts.port ?? (await freePort('tcp')),
    rtcUdpPort: opts.rtcUdpPort ?? (await freePort('udp')),
    rtcTcpPort: opts.rtcTcpPort ?? 0,
    apiKey: opts.apiKey ?? 'podium-dev',
    apiSecret,
    emptyTimeoutSec: opts.emptyTimeoutSec ?? 30,
    departureTimeoutSec: opts.departureTimeoutSec ?? 5,
    logLevel: opts.logLevel ?? 'info',
    webhookUrls: opts.webhookUrls ?? [],
    redis: opts.redis,
  };
  mkdirSync(opts.dir, { recursive: true });
  const configPath = join(opts.dir, `livekit-${config.port}.yaml`);
  const logPath = join(opts.dir, `livekit-${config.port}.log`);
  writeFileSync(configPath, renderLiveKitConfig(config), { mode: 0o600 });

  // The child writes straight into the file: no pipe that a busy event loop could stall.
  const logFd = openSync(logPath, 'a');
  const child = spawn(opts.binary, ['--config', configPath], { stdio: ['ignore', logFd, logFd], env: opts.env ?? process.env });
  closeSync(logFd);
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));
  if (child.pid && opts.orphanGuard !== false) guardAgainstOrphans(child.pid);

  const httpUrl = `http://127.0.0.1:${config.port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 20000);
  const stopTimeoutMs = opts.stopTimeoutMs ?? 5000;

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (await exited(child, 1000)) return;
    child.kill('SIGTERM'); // a second signal skips LiveKit's "waiting for participants to exit"
    if (await exited(child, stopTimeoutMs)) return;
    child.kill('SIGKILL');
    await exited(child, stopTimeoutMs);
  };

  for (;;) {
    if (spawnError) throw new Error(`Could not start LiveKit server ${opts.binary}: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `LiveKit server exited during start-up (code ${child.exitCode}, signal ${child.signalCode}); log ${logPath}:\n${logTail(logPath)}`,
      );
    }
    if (await answersOk(httpUrl)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`LiveKit server did not answer GET ${httpUrl}/ in time; log ${logPath}:\n${logTail(logPath)}`);
    }
    await sleep(100);
  }

  return {
    url: `ws://127.0.0.1:${config.port}`,
    httpUrl,
    apiKey: config.apiKey,
    apiSecret,
    port: config.port,
    rtcUdpPort: config.rtcUdpPort,
    rtcTcpPort: config.rtcTcpPort,
    configPath,
    logPath,
    pid: child.pid ?? -1,
    nodeId: /"nodeID": "(ND_[A-Za-z0-9]+)"/.exec(readFileSync(logPath, 'utf8'))?.[1] ?? '',
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child, stopTimeoutMs);
    },
    stop,
  };
}
