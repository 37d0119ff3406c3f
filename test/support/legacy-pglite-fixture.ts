// A data directory as the former embedded default (PGlite, before the embedded PostgreSQL) left it:
// PGlite with the first three migrations applied as TypeORM applied them, and a few rows.
// Run as its own process (`node dist/test/support/legacy-pglite-fixture.js <pgdata dir>`): PGlite's dynamic
// imports do not run inside jest's module sandbox.
import type { QueryRunner } from 'typeorm';
import { Foundation1732590000000 } from '../../apps/api/src/database/migrations/1732590000000-foundation';
import { Livestream1732600000000 } from '../../apps/api/src/database/migrations/1732600000000-livestream';
import { Fishbowl1732610000000 } from '../../apps/api/src/database/migrations/1732610000000-fishbowl';

async function main(dir: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: dir });
  // TypeORM's own bookkeeping table, as its PostgreSQL driver creates it.
  await db.exec(`CREATE TABLE migrations (id SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, name character varying NOT NULL)`);
  const runner = { query: (sql: string, params?: unknown[]) => (params?.length ? db.query(sql, params) : db.exec(sql)) } as unknown as QueryRunner;
  for (const [Migration, timestamp] of [
    [Foundation1732590000000, 1732590000000],
    [Livestream1732600000000, 1732600000000],
    [Fishbowl1732610000000, 1732610000000],
  ] as const) {
    const migration = new Migration();
    await migration.up(runner);
    await db.query('INSERT INTO migrations ("timestamp", name) VALUES ($1, $2)', [timestamp, migration.name]);
  }
  await db.exec(`
    INSERT INTO conference (id, slug, title, start_date, end_date, allow_guests)
      VALUES ('11111111-1111-4111-8111-111111111111', 'alte-konferenz', 'Alte Konferenz', '2024-05-01', '2024-05-02', true);
    INSERT INTO person (id, display_name, email) VALUES ('22222222-2222-4222-8222-222222222222', 'Ada Altdaten', 'ada@example.org');
    INSERT INTO conference_role (conference_id, person_id, role)
      VALUES ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 'organiser');
    INSERT INTO track (conference_id, name) VALUES ('11111111-1111-4111-8111-111111111111', 'Gemeinsam');
    INSERT INTO session (id, conference_id, kind, title, starts_at, ends_at)
      VALUES ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111', 'panel', 'Podium „Übergänge“', '2024-05-01 10:00+02', '2024-05-01 11:30+02');
    INSERT INTO livestream_presence (session_id, room_kind, room_sid, participant_sid, identity, joined_at)
      SELECT '33333333-3333-4333-8333-333333333333', 'stage', 'RM_a', 'PA_' || g, 'p' || g, '2024-05-01 10:05+02' FROM generate_series(1, 3) g;`);
  await db.close();
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
