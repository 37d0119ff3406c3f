import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL in-process (PGlite) served over the wire protocol, so TypeORM's ordinary `pg` driver,
 * the migrations and every query are the same as on a real server. One connection only.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const pgDir = join(dataDir, 'pgdata');
  mkdirSync(pgDir, { recursive: true });
  const db = await PGlite.create({ dataDir: pgDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres@${address}/postgres?sslmode=disable`,
    dataDir: pgDir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
