import { resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from '../common/client-address';
import { placeholderPasswordIn, isPlaceholderSecret } from './placeholders';

/** Typed configuration, read once at boot from the environment. */
export interface PodiumConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  /** PUBLIC_URL was set: the server keeps it; otherwise it follows the bound port (PORT=0). */
  publicUrlFixed: boolean;
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string | null;
  sessionTtlSeconds: number;
  invitationTtlHours: number;
  /** url: what browsers connect to; serverUrl: what the api calls (differs behind NAT or in compose). */
  livekit: { url: string; serverUrl: string; apiKey: string; apiSecret: string } | null;
  livekitMode: 'external' | 'local' | 'disabled';
  livekitBinary: string | null;
  /** Local LiveKit nodes that `npm start` runs over REDIS_URL (LiveKit's distributed mode); 1 needs no Redis. */
  livekitNodes: number;
  redisUrl: string | null;
  corsOrigins: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  seedDemo: boolean;
  /** Swagger UI and the OpenAPI JSON under /api/docs. */
  apiDocs: boolean;
  /** Which peers may name the client in X-Forwarded-For (HTTP and Socket.IO alike). */
  trustProxy: TrustProxy;
  backstageMinutes: number;
  /** Multiplies every rate limit (0 turns them off, e.g. for load benchmarks). */
  rateLimitFactor: number;
  /** Periodic LiveKit reconciliation in seconds; 0: only on webhooks and direct calls. */
  livekitReconcileSeconds: number;
  /** Timeout of each LiveKit server API call: a slow LiveKit must not hold joins. */
  livekitRequestTimeoutMs: number;
  /** How often the lifecycle scheduler looks for due transitions; 0 turns its timer off. */
  programmeTickSeconds: number;
  /** How often listening sockets' sessions are checked again (expiry, withdrawn invitation); 0 turns it off. */
  socketRecheckSeconds: number;
  /** smtp(s)://user:pass@host:port of the mail server; null: development logs the mails instead of sending. */
  smtpUrl: string | null;
  /** Sender of invitation mails. */
  mailFrom: string;
  /** How often the mail outbox is polled for due mails; 0 turns sending off in this process. */
  mailPollSeconds: number;
  /** Fishbowl: a queued person gone this long is marked away (auto mode skips them)... */
  fishbowlAwaySeconds: number;
  /** ...and dropped from the queue this much later. */
  fishbowlAwayGraceSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Collects every problem instead of stopping at the first, so one start names them all. */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < min || n > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  url(name: string, protocols: string[]): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
      return value;
    } catch {
      this.problems.push(`${name} must be a ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL (got "${redact(value)}")`);
      return null;
    }
  }
}

/** Never echo credentials of a URL back into a log line. */
function redact(value: string): string {
  return value.replace(/\/\/[^@/]*@/, '//***@');
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): PodiumConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = r.int('PORT', 3000, 0, 65535); // 0: any free port (tests)
  const host = r.raw('HOST') ?? '127.0.0.1';
  const fixedPublicUrl = r.url('PUBLIC_URL', ['http:', 'https:']);
  const publicUrl = fixedPublicUrl ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const databaseUrl = r.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const production = nodeEnv === 'production';
  // Production data on a database nobody chose is a surprise: the embedded one only when asked for.
  if (production && databaseUrl === null && !r.bool('PODIUM_EMBEDDED_DATABASE', false)) {
    r.problems.push('DATABASE_URL is required when NODE_ENV=production (set PODIUM_EMBEDDED_DATABASE=true to run the embedded database on purpose)');
  }
  const jwtSecret = r.raw('JWT_SECRET') ?? null;
  if (jwtSecret !== null && jwtSecret.length < 32) r.problems.push('JWT_SECRET must be at least 32 characters long');
  if (jwtSecret === null && production) r.problems.push('JWT_SECRET is required when NODE_ENV=production');
  // Values printed in docker/ and the README are public: anybody could sign tokens or join rooms with them.
  if (production) {
    if (jwtSecret !== null && isPlaceholderSecret(jwtSecret)) r.problems.push('JWT_SECRET is a placeholder from the docs; generate one, e.g. "openssl rand -base64 48"');
    for (const name of ['DATABASE_URL', 'REDIS_URL']) {
      const value = r.raw(name);
      if (value && placeholderPasswordIn(value)) r.problems.push(`${name} contains a placeholder password from the docs; set a real one`);
    }
  }
  let trustProxy: TrustProxy = { kind: 'none' };
  try {
    trustProxy = parseTrustProxy(r.raw('TRUST_PROXY'));
  } catch (error) {
    r.problems.push((error as Error).message);
  }

  const livekitUrl = r.url('LIVEKIT_URL', ['ws:', 'wss:', 'http:', 'https:']);
  const livekitServerUrl = r.url('LIVEKIT_SERVER_URL', ['ws:', 'wss:', 'http:', 'https:']);
  const livekitKey = r.raw('LIVEKIT_API_KEY');
  const livekitSecret = r.raw('LIVEKIT_API_SECRET');
  const livekitDisabled = r.bool('LIVEKIT_DISABLED', false);
  let livekit: PodiumConfig['livekit'] = null;
  if (livekitUrl) {
    if (!livekitKey) r.problems.push('LIVEKIT_API_KEY is required when LIVEKIT_URL is set');
    if (!livekitSecret) r.problems.push('LIVEKIT_API_SECRET is required when LIVEKIT_URL is set');
    else if (livekitSecret.length < 32) r.problems.push('LIVEKIT_API_SECRET must be at least 32 characters long');
    else if (production && isPlaceholderSecret(livekitSecret)) r.problems.push('LIVEKIT_API_SECRET is a placeholder from the docs; generate one, e.g. "openssl rand -base64 48"');
    if (livekitKey && livekitSecret) livekit = { url: livekitUrl, serverUrl: livekitServerUrl ?? livekitUrl, apiKey: livekitKey, apiSecret: livekitSecret };
  } else if (livekitKey || livekitSecret) {
    r.problems.push('LIVEKIT_URL is required when LIVEKIT_API_KEY or LIVEKIT_API_SECRET is set');
  }

  const livekitNodes = r.int('LIVEKIT_NODES', 1, 1, 16);
  const redisUrl = r.url('REDIS_URL', ['redis:', 'rediss:']);
  if (livekitNodes > 1 && !livekitUrl && !livekitDisabled && !redisUrl?.startsWith('redis:')) {
    r.problems.push('LIVEKIT_NODES > 1 needs REDIS_URL (redis://): the local LiveKit nodes share it');
  }

  const corsOrigins = (r.raw('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    try {
      new URL(origin);
    } catch {
      r.problems.push(`CORS_ORIGINS must be a comma-separated list of origins (bad entry "${origin}")`);
    }
  }

  const config: PodiumConfig = {
    env: nodeEnv,
    host,
    port,
    publicUrl: publicUrl.replace(/\/$/, ''),
    publicUrlFixed: fixedPublicUrl !== null,
    databaseUrl,
    dataDir: resolve(cwd, r.raw('PODIUM_DATA_DIR') ?? '.podium'),
    jwtSecret,
    sessionTtlSeconds: r.int('SESSION_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    invitationTtlHours: r.int('INVITATION_TTL_HOURS', 14 * 24, 1, 365 * 24),
    livekit,
    livekitMode: livekit ? 'external' : livekitDisabled ? 'disabled' : 'local',
    livekitBinary: r.raw('LIVEKIT_BINARY') ?? null,
    livekitNodes,
    redisUrl,
    corsOrigins,
    logLevel: r.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, nodeEnv === 'test' ? 'warn' : 'info'),
    // Demo people and conferences never appear in production unless asked for by name.
    seedDemo: r.bool('PODIUM_SEED_DEMO', databaseUrl === null && !production),
    apiDocs: r.bool('API_DOCS', !production),
    trustProxy,
    backstageMinutes: r.int('BACKSTAGE_MINUTES', 15, 0, 24 * 60),
    rateLimitFactor: r.int('RATE_LIMIT_FACTOR', 1, 0, 100000),
    livekitReconcileSeconds: r.int('LIVEKIT_RECONCILE_SECONDS', 10, 0, 3600),
    livekitRequestTimeoutMs: r.int('LIVEKIT_REQUEST_TIMEOUT_MS', 3000, 100, 60000),
    programmeTickSeconds: r.int('PROGRAMME_TICK_SECONDS', 5, 0, 3600),
    socketRecheckSeconds: r.int('SOCKET_RECHECK_SECONDS', 30, 0, 3600),
    smtpUrl: r.url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: mailFrom(r),
    mailPollSeconds: r.int('MAIL_POLL_SECONDS', 2, 0, 3600),
    fishbowlAwaySeconds: r.int('FISHBOWL_AWAY_SECONDS', 60, 0, 3600),
    fishbowlAwayGraceSeconds: r.int('FISHBOWL_AWAY_GRACE_SECONDS', 120, 0, 86400),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

/** A bare address or "Name <address>", one line: it becomes a mail header. */
function mailFrom(r: Reader): string {
  const value = r.raw('MAIL_FROM') ?? 'Podium <podium@localhost>';
  if (/[\r\n]/.test(value) || !/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(value)) {
    r.problems.push(`MAIL_FROM must be an address or "Name <address>" (got "${value}")`);
  }
  return value;
}

/** What `podium config` prints: the effective configuration without secrets. */
export function describeConfig(config: PodiumConfig): Record<string, unknown> {
  return {
    ...config,
    databaseUrl: config.databaseUrl ? redact(config.databaseUrl) : `(embedded PostgreSQL in ${config.dataDir}/postgres)`,
    jwtSecret: config.jwtSecret ? '(set)' : '(generated, stored in the data directory)',
    livekit: config.livekit ? { url: config.livekit.url, serverUrl: config.livekit.serverUrl, apiKey: config.livekit.apiKey, apiSecret: '(set)' } : null,
    redisUrl: config.redisUrl ? redact(config.redisUrl) : null,
    smtpUrl: config.smtpUrl ? redact(config.smtpUrl) : null,
    trustProxy: config.trustProxy.kind === 'list' ? config.trustProxy.entries.join(',') : config.trustProxy.kind === 'hops' ? config.trustProxy.hops : false,
  };
}
