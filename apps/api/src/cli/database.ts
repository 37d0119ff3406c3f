import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { PodiumConfig } from '../config/config';
import { openDatabase } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { readEmbeddedMarker } from '../database/embedded-marker';
import { migrateLegacyPglite } from '../database/legacy-pglite';

/**
 * The CLI's database: DATABASE_URL; else the running server's embedded database (through the URL in
 * its marker, never starting the cluster twice); else the embedded database started just for this command.
 */
export async function openCliDatabase(config: PodiumConfig): Promise<{ db: DataSource; close(): Promise<void>; where: string }> {
  if (config.databaseUrl) {
    const db = await openDatabase({ url: config.databaseUrl, poolSize: 2 });
    return { db, close: () => db.destroy(), where: 'DATABASE_URL' };
  }
  const running = readEmbeddedMarker(config.dataDir);
  if (running) {
    const db = await openDatabase({ url: running.url, poolSize: 2 });
    return { db, close: () => db.destroy(), where: `embedded database of the running server (pid ${running.pid})` };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir, (message) => process.stderr.write(`${message}\n`));
  // While this command runs, a server starting on the same data directory refuses instead of stopping our cluster.
  const marker = join(config.dataDir, 'embedded.json');
  writeFileSync(marker, JSON.stringify({ pid: process.pid, url: embedded.url }), { mode: 0o600 });
  let db: DataSource | null = null;
  try {
    db = await openDatabase({ url: embedded.url, poolSize: 2 });
    await migrateLegacyPglite(config.dataDir, db, (message) => process.stderr.write(`${message}\n`));
  } catch (error) {
    await db?.destroy();
    await embedded.stop();
    rmSync(marker, { force: true });
    throw error;
  }
  const opened = db;
  return {
    db: opened,
    where: `embedded database in ${embedded.dataDir}`,
    close: async () => {
      await opened.destroy();
      await embedded.stop();
      rmSync(marker, { force: true });
    },
  };
}
