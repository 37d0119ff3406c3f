import { Client } from 'pg';
import Redis from 'ioredis';
import { startTestLiveKit, startTestLiveKitCluster, testLiveKitNodes } from './livekit';
import { TEST_POSTGRES_ADMIN_URL, TEST_REDIS_URL } from './services';

/**
 * Once per jest run: prove the real services are there (fail loudly, saying how to get them)
 * and start one real LiveKit server on free loopback ports for every test file.
 */
export default async function globalSetup(): Promise<void> {
  const pg = new Client({ connectionString: TEST_POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_POSTGRES_ADMIN_URL} (${(error as Error).message}). ` +
        'Start it (Debian: pg_ctlcluster <version> main start) or set PODIUM_TEST_POSTGRES_URL.',
    );
  } finally {
    await pg.end().catch(() => undefined);
  }

  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL} (${(error as Error).message}). ` +
        'Start it (redis-server --daemonize yes --bind 127.0.0.1) or set PODIUM_TEST_REDIS_URL.',
    );
  } finally {
    redis.disconnect();
  }

  // LIVEKIT_NODES=2 runs every test against a LiveKit cluster (node 0 is the entry) instead of one node.
  const nodes = testLiveKitNodes();
  const livekit = nodes > 1 ? await startTestLiveKitCluster(nodes) : await startTestLiveKit();
  process.env.PODIUM_TEST_LIVEKIT_URL = livekit.url;
  process.env.PODIUM_TEST_LIVEKIT_API_KEY = livekit.apiKey;
  process.env.PODIUM_TEST_LIVEKIT_API_SECRET = livekit.apiSecret;
  (globalThis as { __podiumLiveKit?: { stop(): Promise<void> } }).__podiumLiveKit = livekit;
}
