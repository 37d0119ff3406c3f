// A fingerprint of every table of the test database, to prove hostile traffic changed nothing.
import type { DataSource } from 'typeorm';

export async function dumpTables(db: DataSource): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await db.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table_name}" t`);
    out[table_name] = `${row.n}:${row.h}`;
  }
  return out;
}

/** Errors look the same everywhere: `{ error: { code, message } }`. */
export function isErrorBody(body: unknown): boolean {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof e?.code === 'string' && typeof e?.message === 'string' && e.message.length > 0;
}
