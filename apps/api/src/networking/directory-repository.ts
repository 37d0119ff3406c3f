import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DirectoryEntry } from '@podium/contracts';

/** A directory entry as it is written (trimmed by the service; empty texts are null). */
export interface DirectoryEntryRow {
  function: string | null;
  organisation: string | null;
  topics: string[];
  contact: string;
}

/** The SQL of the opt-in directory: who is listed, their entries, and leaving it with everything networking holds of them. */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly db: DataSource) {}

  async listed(conferenceId: string, personId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM directory_entry WHERE conference_id = $1 AND person_id = $2', [conferenceId, personId])).length > 0;
  }

  /** The directory's entries by name (never the contact). */
  async directory(conferenceId: string): Promise<DirectoryEntry[]> {
    const rows: { person_id: string; display_name: string; function: string | null; organisation: string | null; topics: string[] }[] = await this.db.query(
      `SELECT d.person_id, p.display_name, d.function, d.organisation, d.topics FROM directory_entry d JOIN person p ON p.id = d.person_id
        WHERE d.conference_id = $1 ORDER BY p.display_name, d.person_id`,
      [conferenceId],
    );
    return rows.map((r) => ({ personId: r.person_id, displayName: r.display_name, function: r.function, organisation: r.organisation, topics: r.topics }));
  }

  async upsertEntry(conferenceId: string, personId: string, entry: DirectoryEntryRow): Promise<void> {
    await this.db.query(
      `INSERT INTO directory_entry (conference_id, person_id, function, organisation, topics, contact) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (conference_id, person_id) DO UPDATE SET function = EXCLUDED.function, organisation = EXCLUDED.organisation, topics = EXCLUDED.topics, contact = EXCLUDED.contact, updated_at = now()`,
      [conferenceId, personId, entry.function, entry.organisation, entry.topics, entry.contact],
    );
  }

  /** Deletes the entry, every request the person sent or received here, their speed-networking places and shares (no longer drawn, shared details withdrawn). */
  async deleteEverything(conferenceId: string, personId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query('DELETE FROM contact_request WHERE conference_id = $1 AND (from_person = $2 OR to_person = $2)', [conferenceId, personId]);
      await m.query('DELETE FROM speed_participant s USING speed_networking n WHERE n.id = s.speed_id AND n.conference_id = $1 AND s.person_id = $2', [conferenceId, personId]);
      await m.query('DELETE FROM speed_share s USING speed_group g, speed_networking n WHERE g.id = s.group_id AND n.id = g.speed_id AND n.conference_id = $1 AND s.person_id = $2', [conferenceId, personId]);
      await m.query('DELETE FROM directory_entry WHERE conference_id = $1 AND person_id = $2', [conferenceId, personId]);
    });
  }

  /** Which of these people are in the directory. */
  async listedAmong(conferenceId: string, personIds: string[]): Promise<Set<string>> {
    const rows: { person_id: string }[] = await this.db.query('SELECT person_id FROM directory_entry WHERE conference_id = $1 AND person_id = ANY($2::uuid[])', [conferenceId, personIds]);
    return new Set(rows.map((r) => r.person_id));
  }
}
