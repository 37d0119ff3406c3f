import type { EntityManager } from 'typeorm';

// PostgreSQL takes at most 65,535 parameters per statement; stay well below.
const MAX_PARAMETERS = 30_000;

/** Multi-row INSERTs in chunks: a 2,000-session import is a handful of statements, not thousands. */
export async function insertRows(m: EntityManager, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  const perChunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    await m.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}
