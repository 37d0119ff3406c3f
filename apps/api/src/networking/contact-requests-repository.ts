import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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

/** The SQL of contact requests: asking, answering (locked), and each person's requests with the other's name and contact. */
@Injectable()
export class ContactRequestsRepository {
  constructor(private readonly db: DataSource) {}

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
}
