import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, QueryRunner } from 'typeorm';
import { migrations } from './migrations';

type PgliteLike = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<{ rows: unknown[] }[]>;
  transaction<T>(fn: (tx: PgliteLike) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export interface LegacyMigration {
  rows: Record<string, number>;
  movedTo: string;
}

/**
 * Until the embedded PostgreSQL, the default start kept its data in `<dataDir>/pgdata` (PGlite). On the first
 * start after the switch, open it in-process, bring it to the latest migration, copy every table's rows
 * into the new cluster in one transaction, and keep the old directory renamed: nothing is silently lost.
 */
export async function migrateLegacyPglite(dataDir: string, target: DataSource, log: (message: string) => void): Promise<LegacyMigration | null> {
  const legacyDir = join(dataDir, 'pgdata');
  if (!existsSync(join(legacyDir, 'PG_VERSION'))) return null;
  log(`found data of the former embedded database (PGlite) in ${legacyDir}: copying it into the embedded PostgreSQL`);
  // A dynamic import: PGlite (WASM) is only loaded for this one-time copy.
  const { PGlite } = await import('@electric-sql/pglite');
  const source = (await PGlite.create({ dataDir: legacyDir })) as unknown as PgliteLike;
  let rows: Record<string, number>;
  try {
    await bringUpToDate(source, log);
    rows = await copyRows(source, target, legacyDir);
  } finally {
    await source.close();
  }
  const movedTo = `${legacyDir}.migrated-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(legacyDir, movedTo);
  log(`copied ${Object.entries(rows).map(([table, n]) => `${table}: ${n}`).join(', ') || 'no tables'}; the old directory is kept as ${movedTo}`);
  return { rows, movedTo };
}

/** Runs the migrations the PGlite database has not seen, as TypeORM would (they only use `query`). */
async function bringUpToDate(source: PgliteLike, log: (message: string) => void): Promise<void> {
  const [{ exists }] = (await source.query<{ exists: boolean }>(`SELECT to_regclass('public.migrations') IS NOT NULL AS exists`)).rows;
  if (!exists) return; // never migrated: no Podium tables to copy
  const applied = new Set((await source.query<{ name: string }>('SELECT name FROM migrations')).rows.map((r) => r.name));
  for (const Migration of migrations) {
    const migration = new Migration();
    if (applied.has(migration.name)) continue;
    log(`bringing the PGlite data up to date: ${migration.name}`);
    await source.transaction(async (tx) => {
      const runner = {
        // Without parameters a statement may hold several commands: PGlite's exec takes those.
        query: async (sql: string, params?: unknown[]) => (params?.length ? (await tx.query(sql, params)).rows : ((await tx.exec(sql)).at(-1)?.rows ?? [])),
      } as unknown as QueryRunner;
      await migration.up(runner);
      await tx.query('INSERT INTO migrations ("timestamp", name) VALUES ($1, $2)', [Number(migration.name.slice(-13)), migration.name]);
    });
  }
}

async function copyRows(source: PgliteLike, target: DataSource, legacyDir: string): Promise<Record<string, number>> {
  const tables = (
    await source.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`)
  ).rows.map((r) => r.name);
  const runner = target.createQueryRunner();
  await runner.connect();
  const counts: Record<string, number> = {};
  try {
    await runner.startTransaction();
    // Replica mode skips the foreign-key triggers, so the tables can be copied in any order.
    await runner.query('SET LOCAL session_replication_role = replica');
    for (const table of tables) {
      const name = `"${table.replace(/"/g, '""')}"`;
      const [{ n }] = await runner.query(`SELECT count(*)::int AS n FROM ${name}`);
      if (n > 0) {
        throw new Error(
          `both the former PGlite data in ${legacyDir} and the embedded PostgreSQL hold rows of "${table}"; nothing was copied. ` +
            `Move ${legacyDir} away to keep the PostgreSQL data, or move ${join(legacyDir, '..', 'postgres')} away to copy the PGlite data again`,
        );
      }
      // JSON carries every column type in its text form; json_populate_recordset turns it back into the table's row type.
      const [{ rows }] = (await source.query<{ rows: string }>(`SELECT coalesce(json_agg(t), '[]')::text AS rows FROM ${name} t`)).rows;
      const inserted = await runner.query(`INSERT INTO ${name} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${name}, $1::json) RETURNING 1`, [rows]);
      counts[table] = inserted.length;
    }
    const sequences = (
      await source.query<{ name: string; value: string }>(`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL AND sequencename <> 'migrations_id_seq'`)
    ).rows;
    for (const sequence of sequences) await runner.query('SELECT setval($1, $2::bigint)', [`public."${sequence.name.replace(/"/g, '""')}"`, sequence.value]);
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  return counts;
}
