import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The SQL of networking's retention: each conference's setting and the sweep (directory: `DirectoryRepository`, requests: `ContactRequestsRepository`). */
@Injectable()
export class NetworkingRetentionRepository {
  constructor(private readonly db: DataSource) {}

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
