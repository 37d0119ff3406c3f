import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContactRequestStatus, DirectoryEntry } from '@podium/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RequestRow {
  id: string;
  fromPerson: string;
  toPerson: string;
  status: ContactRequestStatus;
  fromName: string;
  toName: string;
}

/** A directory entry as it is written (trimmed by the service; empty texts are null). */
export interface DirectoryEntryRow {
  function: string | null;
  organisation: string | null;
  topics: string[];
  contact: string;
}

/** One of my contact requests, with the other person's name and (their directory entry's) contact. */
export interface MyRequestRow {
  id: string;
  fromPerson: string;
  toPerson: string;
  message: string | null;
  status: ContactRequestStatus;
  createdAt: Date;
  otherName: string;
  otherContact: string | null;
}

/** The SQL of meeting people: the opt-in directory, contact requests, the retention setting and its sweep. */
@Injectable()
export class NetworkingRepository {
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

  /** The new request, or null when the one asked this person already. */
  async insertRequest(conferenceId: string, from: string, to: string, message: string | null): Promise<{ id: string; status: ContactRequestStatus } | null> {
    const rows: { id: string; status: ContactRequestStatus }[] = await this.db.query(
      `INSERT INTO contact_request (conference_id, from_person, to_person, message) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conference_id, from_person, to_person) DO NOTHING RETURNING id, status`,
      [conferenceId, from, to, message],
    );
    return rows[0] ?? null;
  }

  /** The request, locked for the answer in `m`'s transaction. */
  async lockRequest(m: EntityManager, conferenceId: string, id: string): Promise<{ fromPerson: string; toPerson: string; status: ContactRequestStatus } | null> {
    const [row] = (await m.query('SELECT from_person, to_person, status FROM contact_request WHERE id = $1 AND conference_id = $2 FOR UPDATE', [id, conferenceId])) as { from_person: string; to_person: string; status: ContactRequestStatus }[];
    return row ? { fromPerson: row.from_person, toPerson: row.to_person, status: row.status } : null;
  }

  async answerRequest(m: EntityManager, id: string, status: ContactRequestStatus): Promise<void> {
    await m.query('UPDATE contact_request SET status = $2, answered_at = now() WHERE id = $1', [id, status]);
  }

  /** The person's requests here, sent and received, oldest first. */
  async requestsOf(conferenceId: string, personId: string): Promise<MyRequestRow[]> {
    const rows: { id: string; from_person: string; to_person: string; message: string | null; status: ContactRequestStatus; created_at: Date; other_name: string; other_contact: string | null }[] = await this.db.query(
      `SELECT r.id, r.from_person, r.to_person, r.message, r.status, r.created_at, p.display_name AS other_name, d.contact AS other_contact
         FROM contact_request r
         JOIN person p ON p.id = CASE WHEN r.from_person = $2 THEN r.to_person ELSE r.from_person END
         LEFT JOIN directory_entry d ON d.conference_id = r.conference_id AND d.person_id = p.id
        WHERE r.conference_id = $1 AND (r.from_person = $2 OR r.to_person = $2) ORDER BY r.created_at, r.id`,
      [conferenceId, personId],
    );
    return rows.map((r) => ({ id: r.id, fromPerson: r.from_person, toPerson: r.to_person, message: r.message, status: r.status, createdAt: r.created_at, otherName: r.other_name, otherContact: r.other_contact }));
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
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
