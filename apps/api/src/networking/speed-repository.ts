import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Candidate } from '@podium/networking';

export interface SpeedRow {
  id: string;
  conferenceId: string;
  sessionId: string | null;
  minutes: number;
  rounds: number;
  byTopic: boolean;
  seed: number;
  startedAt: number | null;
}

export interface GroupRow {
  id: string;
  round: number;
  members: string[];
}

export interface MemberRow {
  personId: string;
  displayName: string;
  contact: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SPEED_COLUMNS = `id, conference_id, session_id, minutes, rounds, by_topic, seed, started_at`;

type RawSpeed = { id: string; conference_id: string; session_id: string | null; minutes: number; rounds: number; by_topic: boolean; seed: number; started_at: Date | null };
const toSpeed = (r: RawSpeed): SpeedRow => ({ id: r.id, conferenceId: r.conference_id, sessionId: r.session_id, minutes: r.minutes, rounds: r.rounds, byTopic: r.by_topic, seed: r.seed, startedAt: r.started_at ? new Date(r.started_at).getTime() : null });

/** SQL of speed networking: runs, who takes part, the groups drawn per round, shared contact details. */
@Injectable()
export class SpeedRepository {
  constructor(private readonly db: DataSource) {}

  async sessionInConference(conferenceId: string, sessionId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM session WHERE id = $1 AND conference_id = $2', [sessionId, conferenceId])).length > 0;
  }

  async create(conferenceId: string, sessionId: string | null, minutes: number, rounds: number, byTopic: boolean, seed: number, by: string): Promise<SpeedRow> {
    const [row] = await this.db.query(
      `INSERT INTO speed_networking (conference_id, session_id, minutes, rounds, by_topic, seed, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${SPEED_COLUMNS}`,
      [conferenceId, sessionId, minutes, rounds, byTopic, seed, by],
    );
    return toSpeed(row);
  }

  async list(conferenceId: string): Promise<SpeedRow[]> {
    const rows: RawSpeed[] = await this.db.query(`SELECT ${SPEED_COLUMNS} FROM speed_networking WHERE conference_id = $1 ORDER BY created_at, id`, [conferenceId]);
    return rows.map(toSpeed);
  }

  async find(conferenceId: string, id: string, m: EntityManager = this.db.manager, lock = false): Promise<SpeedRow | null> {
    if (!UUID.test(id)) return null;
    const [row] = await m.query(`SELECT ${SPEED_COLUMNS} FROM speed_networking WHERE id = $1 AND conference_id = $2${lock ? ' FOR UPDATE' : ''}`, [id, conferenceId]);
    return row ? toSpeed(row) : null;
  }

  /** Starts a run that has not started; false if it had. */
  async start(id: string, at: number): Promise<boolean> {
    const [, changed] = (await this.db.query('UPDATE speed_networking SET started_at = $2 WHERE id = $1 AND started_at IS NULL', [id, new Date(at)])) as [unknown, number];
    return changed === 1;
  }

  async setPresent(speedId: string, personId: string, present: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO speed_participant (speed_id, person_id, present) VALUES ($1, $2, $3)
       ON CONFLICT (speed_id, person_id) DO UPDATE SET present = EXCLUDED.present`,
      [speedId, personId, present],
    );
  }

  async presentCount(speedId: string, conferenceId: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM speed_participant s JOIN directory_entry d ON d.person_id = s.person_id AND d.conference_id = $2 WHERE s.speed_id = $1 AND s.present`,
      [speedId, conferenceId],
    );
    return row.n;
  }

  async isPresent(speedId: string, personId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM speed_participant WHERE speed_id = $1 AND person_id = $2 AND present', [speedId, personId])).length > 0;
  }

  /** Present people still in the directory, with their topics: who is drawn. */
  async candidates(m: EntityManager, speedId: string, conferenceId: string): Promise<Candidate[]> {
    const rows: { person_id: string; topics: string[] }[] = await m.query(
      `SELECT s.person_id, d.topics FROM speed_participant s JOIN directory_entry d ON d.person_id = s.person_id AND d.conference_id = $2
        WHERE s.speed_id = $1 AND s.present ORDER BY s.person_id`,
      [speedId, conferenceId],
    );
    return rows.map((r) => ({ personId: r.person_id, topics: r.topics }));
  }

  async groups(speedId: string, m: EntityManager = this.db.manager): Promise<GroupRow[]> {
    const rows: { id: string; round: number; members: string[] }[] = await m.query('SELECT id, round, members FROM speed_group WHERE speed_id = $1 ORDER BY round, id', [speedId]);
    return rows;
  }

  async insertGroups(m: EntityManager, speedId: string, round: number, groups: string[][]): Promise<void> {
    for (const members of groups) await m.query('INSERT INTO speed_group (speed_id, round, members) VALUES ($1, $2, $3::uuid[])', [speedId, round, members]);
  }

  async myGroups(speedId: string, personId: string): Promise<GroupRow[]> {
    return this.db.query('SELECT id, round, members FROM speed_group WHERE speed_id = $1 AND $2 = ANY(members) ORDER BY round', [speedId, personId]);
  }

  async group(speedId: string, groupId: string): Promise<GroupRow | null> {
    if (!UUID.test(groupId)) return null;
    const [row] = await this.db.query('SELECT id, round, members FROM speed_group WHERE id = $1 AND speed_id = $2', [groupId, speedId]);
    return row ?? null;
  }

  /** Names and directory contact details of people (the caller decides whose details may be shown). */
  async members(conferenceId: string, personIds: string[]): Promise<Map<string, MemberRow>> {
    const rows: { id: string; display_name: string; contact: string | null }[] = await this.db.query(
      `SELECT p.id, p.display_name, d.contact FROM person p LEFT JOIN directory_entry d ON d.person_id = p.id AND d.conference_id = $1 WHERE p.id = ANY($2::uuid[])`,
      [conferenceId, personIds],
    );
    return new Map(rows.map((r) => [r.id, { personId: r.id, displayName: r.display_name, contact: r.contact }]));
  }

  async shares(groupIds: string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (groupIds.length === 0) return out;
    const rows: { group_id: string; person_id: string }[] = await this.db.query('SELECT group_id, person_id FROM speed_share WHERE group_id = ANY($1::uuid[])', [groupIds]);
    for (const r of rows) out.set(r.group_id, (out.get(r.group_id) ?? new Set()).add(r.person_id));
    return out;
  }

  async setShare(groupId: string, personId: string, share: boolean): Promise<void> {
    if (share) await this.db.query('INSERT INTO speed_share (group_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [groupId, personId]);
    else await this.db.query('DELETE FROM speed_share WHERE group_id = $1 AND person_id = $2', [groupId, personId]);
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
