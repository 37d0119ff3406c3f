import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meeting people, part two: speed-networking runs (rounds of N minutes, repeated), who takes part, the groups
 * drawn per round, who shared their contact details in a group; and how long a conference keeps networking data.
 */
export class NetworkingRounds1732664000000 implements MigrationInterface {
  name = 'NetworkingRounds1732664000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference ADD COLUMN networking_retention_days integer NOT NULL DEFAULT 30 CHECK (networking_retention_days BETWEEN 1 AND 365)`);
    await q.query(`
      CREATE TABLE speed_networking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        session_id uuid REFERENCES session(id) ON DELETE CASCADE,
        minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 30),
        rounds integer NOT NULL CHECK (rounds BETWEEN 1 AND 20),
        by_topic boolean NOT NULL DEFAULT false,
        seed integer NOT NULL,
        started_at timestamptz,
        created_by uuid REFERENCES person(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX speed_networking_conference ON speed_networking (conference_id, created_at)`);
    await q.query(`
      CREATE TABLE speed_participant (
        speed_id uuid NOT NULL REFERENCES speed_networking(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        present boolean NOT NULL DEFAULT true,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (speed_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE speed_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        speed_id uuid NOT NULL REFERENCES speed_networking(id) ON DELETE CASCADE,
        round integer NOT NULL CHECK (round >= 1),
        members uuid[] NOT NULL CHECK (cardinality(members) BETWEEN 2 AND 3)
      )`);
    await q.query(`CREATE INDEX speed_group_round ON speed_group (speed_id, round)`);
    await q.query(`
      CREATE TABLE speed_share (
        group_id uuid NOT NULL REFERENCES speed_group(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        shared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, person_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['speed_share', 'speed_group', 'speed_participant', 'speed_networking']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`ALTER TABLE conference DROP COLUMN IF EXISTS networking_retention_days`);
  }
}
