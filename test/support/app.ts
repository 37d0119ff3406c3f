import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPodium, type PodiumHandle } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/config';
import { JsonLogger } from '../../apps/api/src/logging/json-logger';
import type { LiveKitConnection } from '../../apps/api/src/runtime';
import { createTestDatabase, type TestDatabase } from './database';
import { testLiveKit } from './services';

export interface TestApp {
  url: string;
  podium: PodiumHandle;
  database: TestDatabase;
  dataDir: string;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Connect to the jest run's real LiveKit server (default), run without media, or use this connection. */
  livekit?: boolean | LiveKitConnection;
  /** Extra environment for loadConfig. */
  env?: Record<string, string>;
  /** Reuse a database (e.g. to restart the api on the same state). */
  database?: TestDatabase;
  seedDemo?: boolean;
}

/** The real api, in-process, on a free port, against its own database on the real PostgreSQL. */
export async function startTestApp(label: string, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase(label));
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    PODIUM_DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    PODIUM_SEED_DEMO: options.seedDemo === false ? 'false' : 'true',
    ...options.env,
  });
  let livekit: LiveKitConnection;
  if (typeof options.livekit === 'object') {
    livekit = options.livekit;
  } else if (options.livekit === false) {
    livekit = { status: 'disabled', reason: 'this test runs without media' };
  } else {
    livekit = { status: 'external', ...testLiveKit() };
  }
  const podium = await startPodium(config, { livekit, logger: new JsonLogger('warn') });
  return {
    url: podium.url,
    podium,
    database,
    dataDir,
    async stop() {
      await podium.stop();
      if (!options.database) await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** fetch with JSON in and out, and the bearer token when given. */
export async function api<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body, headers: res.headers };
}

/** An answer as it came over the wire: headers as sent, body still compressed. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET (no automatic decompression, unlike fetch), with the given Accept-Encoding (null: none). */
export function rawGet(url: string, acceptEncoding: string | null): Promise<RawAnswer> {
  return new Promise((done, fail) => {
    const headers: Record<string, string> = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    }).on('error', fail);
  });
}
