import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ContactRequestStatus } from '@podium/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RequestRow {
  id: string;
  fromPerson: string;
  toPerson: string;
  status: ContactRequestStatus;
  fromName: string;
  toName: string;
}

/** SQL of meeting people beyond the directory service: request lookups, the retention setting and its sweep. */
@Injectable()
export class NetworkingRepository {
  constructor(private readonly db: DataSource) {}

  async listed(conferenceId: string, personId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM directory_entry WHERE conference_id = $1 AND person_id = $2', [conferenceId, personId])).length > 0;
  }

  async request(conferenceId: string, id: string): Promise<RequestRow | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.query(
      `SELECT r.id, r.from_person, r.to_person, r.status, f.display_name AS from_name, t.display_name AS to_name
         FROM contact_request r JOIN person f ON f.id = r.from_person JOIN person t ON t.id = r.to_person
        WHERE r.id = $1 AND r.conference_id = $2`,
      [id, conferenceId],
    );
    return row ? { id: row.id, fromPerson: row.from_person, toPerson: row.to_person, status: row.status, fromName: row.from_name, toName: row.to_name } : null;
  }

  async retentionDays(conferenceId: string): Promise<number> {
    const [row] = await this.db.query('SELECT networking_retention_days AS days FROM conference WHERE id = $1', [conferenceId]);
    return row.days;
  }

  async setRetentionDays(conferenceId: string, days: number): Promise<number> {
    await this.db.query('UPDATE conference SET networking_retention_days = $2 WHERE id = $1', [conferenceId, days]);
    return days;
  }

  /**
   * Deletes networking data older than each conference's retention: contact requests (by their last change) and
   * speed-networking runs (by their end; their people, groups and shared details go with them).
   */
  async sweep(now: Date): Promise<{ requests: number; rounds: number }> {
    return this.db.transaction(async (m) => {
      const [, requests] = (await m.query(
        `DELETE FROM contact_request r USING conference c
          WHERE c.id = r.conference_id AND COALESCE(r.answered_at, r.created_at) < $1::timestamptz - c.networking_retention_days * interval '1 day'`,
        [now],
      )) as [unknown, number];
      const [, rounds] = (await m.query(
        `DELETE FROM speed_networking s USING conference c
          WHERE c.id = s.conference_id
            AND COALESCE(s.started_at + s.rounds * s.minutes * interval '1 minute', s.created_at) < $1::timestamptz - c.networking_retention_days * interval '1 day'`,
        [now],
      )) as [unknown, number];
      return { requests, rounds };
    });
  }
}
