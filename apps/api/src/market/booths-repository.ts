import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BoothLink } from '@podium/contracts';
import { personTenancy } from '../programme/people-repository';

/** A booth as stored, with its staff's person ids. */
export interface BoothRow {
  id: string;
  name: string;
  description: string;
  links: BoothLink[];
  logo_url: string | null;
  capacity: number;
  staff: string[];
}

/** A booth's fields as an organiser writes them (staff ids deduplicated by the caller's Set). */
export interface BoothFields {
  sessionId: string | null;
  name: string;
  description: string;
  links: BoothLink[];
  logoUrl: string | null;
  capacity: number;
  staff: Iterable<string>;
}

const STAFF = (order: string) => `COALESCE((SELECT array_agg(s.person_id::text${order}) FROM booth_staff s WHERE s.booth_id = b.id), '{}') AS staff`;

/** The market's SQL beside the booths' live log (`BoothStore`): booths, their staff and the contacts left at them. */
@Injectable()
export class BoothsRepository {
  constructor(private readonly db: DataSource) {}

  async conferenceOf(boothId: string): Promise<string | null> {
    const [row]: { conference_id: string }[] = await this.db.query('SELECT conference_id FROM booth WHERE id = $1', [boothId]);
    return row?.conference_id ?? null;
  }

  async capacity(boothId: string): Promise<number | null> {
    const [row]: { capacity: number }[] = await this.db.query('SELECT capacity FROM booth WHERE id = $1', [boothId]);
    return row?.capacity ?? null;
  }

  /** The conference's booth ids by name. */
  async ids(conferenceId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM booth WHERE conference_id = $1 ORDER BY name, id`, [conferenceId]);
    return rows.map((r) => r.id);
  }

  /** The conference's booths by name, staff sorted. */
  all(conferenceId: string): Promise<BoothRow[]> {
    return this.db.query(`SELECT b.id, b.name, b.description, b.links, b.logo_url, b.capacity, ${STAFF(' ORDER BY s.person_id')} FROM booth b WHERE b.conference_id = $1 ORDER BY b.name, b.id`, [conferenceId]);
  }

  async find(conferenceId: string, boothId: string): Promise<BoothRow | null> {
    const rows: BoothRow[] = await this.db.query(`SELECT b.id, b.name, b.description, b.links, b.logo_url, b.capacity, ${STAFF('')} FROM booth b WHERE b.id = $1 AND b.conference_id = $2`, [boothId, conferenceId]);
    return rows[0] ?? null;
  }

  /** Whoever belongs to the conference (as personTenancy reads it), attendees included: who may staff a booth. */
  people(conferenceId: string): Promise<{ id: string; display_name: string; organisation: string | null }[]> {
    return this.db.query(
      `SELECT p.id, p.display_name, p.organisation FROM person p
        WHERE p.id IN (SELECT person_id FROM conference_role WHERE conference_id = $1
                       UNION SELECT sp.person_id FROM session_person sp JOIN session s ON s.id = sp.session_id WHERE s.conference_id = $1
                       UNION SELECT person_id FROM conference_person WHERE conference_id = $1)
        ORDER BY p.display_name, p.id`,
      [conferenceId],
    );
  }

  async insert(conferenceId: string, b: BoothFields): Promise<string> {
    return this.db.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO booth (conference_id, session_id, name, description, links, logo_url, capacity) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id`,
        [conferenceId, b.sessionId, b.name, b.description, JSON.stringify(b.links), b.logoUrl, b.capacity],
      );
      for (const personId of b.staff) await m.query(`INSERT INTO booth_staff (booth_id, person_id) VALUES ($1, $2)`, [row.id, personId]);
      return row.id as string;
    });
  }

  /** The whole booth and its staff replaced. */
  async update(conferenceId: string, boothId: string, b: BoothFields): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(
        `UPDATE booth SET session_id = $3, name = $4, description = $5, links = $6::jsonb, logo_url = $7, capacity = $8 WHERE id = $1 AND conference_id = $2`,
        [boothId, conferenceId, b.sessionId, b.name, b.description, JSON.stringify(b.links), b.logoUrl, b.capacity],
      );
      await m.query(`DELETE FROM booth_staff WHERE booth_id = $1`, [boothId]);
      for (const personId of b.staff) await m.query(`INSERT INTO booth_staff (booth_id, person_id) VALUES ($1, $2)`, [boothId, personId]);
    });
  }

  /** The booth and everything of it (cascade), and its chat room. */
  async remove(conferenceId: string, boothId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`DELETE FROM chat_room WHERE room_id = $1`, [`booth:${boothId.toLowerCase()}`]);
      await m.query(`DELETE FROM booth WHERE id = $1 AND conference_id = $2`, [boothId, conferenceId]);
    });
  }

  async belongsHere(conferenceId: string, personId: string): Promise<boolean> {
    return (await personTenancy(this.db.manager, conferenceId, personId)).belongsHere;
  }

  async hasSession(conferenceId: string, sessionId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM session WHERE id = $1 AND conference_id = $2`, [sessionId, conferenceId]);
    return rows.length > 0;
  }

  /** Leaves (or replaces) the person's contact at the booth; when it was left. */
  async saveContact(boothId: string, personId: string, contact: string): Promise<Date> {
    const [row] = await this.db.query(
      `INSERT INTO booth_contact (booth_id, person_id, contact) VALUES ($1, $2, $3)
       ON CONFLICT (booth_id, person_id) DO UPDATE SET contact = EXCLUDED.contact, created_at = now() RETURNING created_at`,
      [boothId, personId, contact],
    );
    return new Date(row.created_at);
  }

  contacts(boothId: string): Promise<{ person_id: string; display_name: string; contact: string; created_at: Date }[]> {
    return this.db.query(
      `SELECT c.person_id, p.display_name, c.contact, c.created_at FROM booth_contact c JOIN person p ON p.id = c.person_id WHERE c.booth_id = $1 ORDER BY c.created_at`,
      [boothId],
    );
  }
}
