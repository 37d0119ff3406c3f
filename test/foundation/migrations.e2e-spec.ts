import { openDatabase } from '../../apps/api/src/database/data-source';
import { migrations } from '../../apps/api/src/database/migrations';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('migrations on the real PostgreSQL server', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('migrations');
  });
  afterAll(async () => {
    await database.drop();
  });

  it('creates the schema, records every migration, and a second start changes nothing', async () => {
    // Two api processes starting at once: the advisory lock lets exactly one run the migrations.
    const [a, b] = await Promise.all([openDatabase({ url: database.url, poolSize: 3 }), openDatabase({ url: database.url, poolSize: 3 })]);
    try {
      const tables: { table_name: string }[] = await a.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      const names = tables.map((t) => t.table_name);
      for (const table of ['person', 'conference', 'room', 'track', 'session', 'session_person', 'conference_role', 'invitation']) {
        expect(names).toContain(table);
      }
      const applied: { name: string }[] = await a.query('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => new m().name ?? m.name));
      expect(await b.showMigrations()).toBe(false);
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });

  it('enforces the rules in the schema itself (no end before start, no bad slug)', async () => {
    const db = await openDatabase({ url: database.url, poolSize: 2 });
    try {
      await expect(db.query(`INSERT INTO conference (slug, title, start_date, end_date) VALUES ('Bad Slug', 't', '2020-01-01', '2020-01-01')`)).rejects.toThrow(/check/i);
      const [c] = await db.query(`INSERT INTO conference (slug, title, start_date, end_date) VALUES ('ok', 't', '2020-01-01', '2020-01-01') RETURNING id`);
      await expect(
        db.query(`INSERT INTO session (conference_id, kind, title, starts_at, ends_at) VALUES ($1, 'panel', 'x', '2020-01-01T10:00Z', '2020-01-01T09:00Z')`, [c.id]),
      ).rejects.toThrow(/check/i);
    } finally {
      await db.destroy();
    }
  });
});
