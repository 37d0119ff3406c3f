import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Conference } from '@podium/programme';
import { CONFERENCE_COLUMNS, type ConferenceRow } from './rows';

/** The conference table's SQL; callers decide what a missing row means. */
@Injectable()
export class ConferencesRepository {
  constructor(private readonly db: DataSource) {}

  async bySlug(slug: string, m: EntityManager = this.db.manager): Promise<ConferenceRow | null> {
    const rows: ConferenceRow[] = await m.query(`SELECT ${CONFERENCE_COLUMNS} FROM conference WHERE slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  async byId(id: string, m: EntityManager = this.db.manager): Promise<ConferenceRow | null> {
    const rows: ConferenceRow[] = await m.query(`SELECT ${CONFERENCE_COLUMNS} FROM conference WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Published conferences and those the person has a role in (platform organisers: all), newest first. */
  visibleTo(personId: string | null): Promise<ConferenceRow[]> {
    return this.db.query(
      `SELECT ${CONFERENCE_COLUMNS} FROM conference c
        WHERE published OR EXISTS (
          SELECT 1 FROM conference_role r WHERE r.person_id = $1::uuid AND (r.conference_id = c.id OR (r.conference_id IS NULL AND r.role = 'organiser')))
        ORDER BY start_date DESC, slug`,
      [personId],
    );
  }

  async slugTaken(slug: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT 1 FROM conference WHERE slug = $1', [slug]);
    return rows.length > 0;
  }

  /** A new conference under `slug`; answers its id. */
  async insert(slug: string, c: Conference, published: boolean, m: EntityManager = this.db.manager): Promise<string> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO conference (slug, title, description, timezone, start_date, end_date, format, venue, allow_guests, published, url, day_change)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [slug, c.title, c.description ?? null, c.timezone, c.startDate, c.endDate, c.format, c.venue ?? null, c.allowGuests, published, c.url ?? null, c.dayChange ?? null],
    );
    return row.id;
  }

  /** Every field but the slug. */
  async update(id: string, c: Conference, published: boolean): Promise<void> {
    await this.db.query(
      `UPDATE conference SET title = $2, description = $3, timezone = $4, start_date = $5, end_date = $6, format = $7, venue = $8,
              allow_guests = $9, published = $10, url = $11, day_change = $12, updated_at = now() WHERE id = $1`,
      [id, c.title, c.description ?? null, c.timezone, c.startDate, c.endDate, c.format, c.venue ?? null, c.allowGuests, published, c.url ?? null, c.dayChange ?? null],
    );
  }

  /** Deletes the conference and (by cascade) everything in it; its id, or null when there was none. */
  async deleteBySlug(slug: string, m: EntityManager = this.db.manager): Promise<string | null> {
    const gone: Array<{ id: string }> = await m.query('WITH gone AS (DELETE FROM conference WHERE slug = $1 RETURNING id) SELECT id FROM gone', [slug]);
    return gone[0]?.id ?? null;
  }

  /** Locks the conference row for the rest of the transaction (writes to one programme are serialised); false when there is none. */
  async lock(id: string, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT id FROM conference WHERE id = $1 FOR UPDATE', [id]);
    return rows.length > 0;
  }
}
