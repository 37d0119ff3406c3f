import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../apps/api/src/database/data-source';
import { createTestDatabase, type TestDatabase } from './database';
import { startServerProcess, type ServerProcess } from './server-process';

/**
 * The built api as real processes on a database of the spec's own (no LiveKit, no demo seed): registers
 * beforeAll/afterAll, and kills every process and closes every tracked socket at the end.
 */
export function apiProcesses(name: string, secret: string) {
  let database: TestDatabase;
  let db: DataSource;
  let dataDir: string;
  const servers: ServerProcess[] = [];
  const sockets: { disconnect(): void }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(name);
    dataDir = mkdtempSync(joinPath(tmpdir(), `podium-${name}-`));
    db = await openDatabase({ url: database.url, poolSize: 2 });
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const s of servers) await s.stop('SIGKILL');
    await db?.destroy();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get db() {
      return db;
    },
    sockets,
    /** Starts one more api process; `port` reuses a killed one's address, as a restart does. */
    async start(extra: Record<string, string> = {}, port?: number): Promise<ServerProcess> {
      const env = { DATABASE_URL: database.url, JWT_SECRET: secret, PODIUM_DATA_DIR: dataDir, LIVEKIT_DISABLED: 'true', PODIUM_SEED_DEMO: 'false', ...extra };
      const server = await startServerProcess(env, { port });
      servers.push(server);
      return server;
    },
  };
}
