// Starts the real LiveKit server for tests; a missing binary is an error, never a silent skip.
import { join, resolve } from 'node:path';
import { TEST_REDIS_URL } from './services';
import { liveKitRedisFromUrl, startLocalLiveKitCluster, type LocalLiveKitCluster } from '../../apps/api/src/livestream/local-livekit-cluster';
import {
  findLiveKitBinary,
  startLocalLiveKitServer,
  type LocalLiveKitOptions,
  type LocalLiveKitServer,
} from '../../apps/api/src/livestream/local-livekit-server';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export type TestLiveKitOptions = Partial<Omit<LocalLiveKitOptions, 'binary'>> & {
  /** Shortcut for webhookUrls: [webhookUrl]. */
  webhookUrl?: string;
};

export function requireLiveKitBinary(): string {
  const binary = findLiveKitBinary(REPO_ROOT);
  if (!binary) throw new Error('LiveKit server binary not found: run "npm run livekit:install" (needs Go)');
  return binary;
}

/** One loopback-only server; logs and config land in test-artifacts/livekit (kept for CI). */
export function startTestLiveKit(opts: TestLiveKitOptions = {}): Promise<LocalLiveKitServer> {
  const { webhookUrl, ...rest } = opts;
  return startLocalLiveKitServer({
    dir: join(REPO_ROOT, 'test-artifacts', 'livekit'),
    apiKey: 'podium-test',
    ...rest,
    webhookUrls: rest.webhookUrls ?? (webhookUrl ? [webhookUrl] : []),
    binary: requireLiveKitBinary(),
  });
}

/** LIVEKIT_NODES (default 1): how many LiveKit nodes the tests' LiveKit runs on. */
export function testLiveKitNodes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LIVEKIT_NODES ?? '1';
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 16) throw new Error(`LIVEKIT_NODES must be a whole number from 1 to 16, not "${raw}"`);
  return n;
}

/**
 * N loopback nodes in LiveKit's distributed mode over the test Redis. Each cluster gets a Redis
 * database of its own (1-15, at random): clusters in one database would merge into one.
 */
export function startTestLiveKitCluster(nodes: number, opts: TestLiveKitOptions = {}): Promise<LocalLiveKitCluster & { redisUrl: string }> {
  const { webhookUrl, ...rest } = opts;
  const base = new URL(TEST_REDIS_URL);
  base.pathname = `/${1 + Math.floor(Math.random() * 15)}`;
  const redisUrl = base.toString();
  return startLocalLiveKitCluster({
    dir: join(REPO_ROOT, 'test-artifacts', 'livekit'),
    apiKey: 'podium-test',
    ...rest,
    nodes,
    redis: liveKitRedisFromUrl(redisUrl),
    webhookUrls: rest.webhookUrls ?? (webhookUrl ? [webhookUrl] : []),
    binary: requireLiveKitBinary(),
  }).then((cluster) => ({ ...cluster, redisUrl }));
}
