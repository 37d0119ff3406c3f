import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PersonTenancy } from '@podium/identity';
import type { Person, PersonRole } from '@podium/programme';
import type { PersonRow } from './rows';

export interface SessionRoleRow {
  person_id: string;
  session_id: string;
  role: PersonRole;
}

/** The SQL of people on a programme: person, conference_person, and who appears where. */
@Injectable()
export class PeopleRepository {
  constructor(private readonly db: DataSource) {}

  /** The conference's people: those added to it, anyone on one of its sessions, and invited moderators, speakers and interpreters (so they can be put on sessions). */
  ofConference(conferenceId: string, m: EntityManager = this.db.manager): Promise<PersonRow[]> {
    return m.query(
      `SELECT p.id, p.display_name, p.function, p.organisation, cp.biography, cp.guid
         FROM person p
         LEFT JOIN conference_person cp ON cp.person_id = p.id AND cp.conference_id = $1
        WHERE cp.person_id IS NOT NULL
           OR p.id IN (SELECT sp.person_id FROM session_person sp JOIN session s ON s.id = sp.session_id WHERE s.conference_id = $1)
           OR p.id IN (SELECT r.person_id FROM conference_role r WHERE r.conference_id = $1 AND r.role IN ('moderator', 'speaker', 'interpreter', 'captioner'))
        ORDER BY cp.position NULLS LAST, p.display_name, p.id`,
      [conferenceId],
    );
  }

  /** Who has which role on which session of the conference, sessions in programme order. */
  sessionRoles(conferenceId: string): Promise<SessionRoleRow[]> {
    return this.db.query(
      `SELECT sp.person_id, sp.session_id, sp.role FROM session_person sp JOIN session s ON s.id = sp.session_id
        WHERE s.conference_id = $1 ORDER BY s.starts_at, sp.position`,
      [conferenceId],
    );
  }

  /** One person with their conference-specific fields (biography, guid), whether or not they are on this programme. */
  async find(conferenceId: string, personId: string): Promise<PersonRow | null> {
    const [row]: PersonRow[] = await this.db.query(
      `SELECT p.id, p.display_name, p.function, p.organisation, cp.biography, cp.guid
         FROM person p LEFT JOIN conference_person cp ON cp.person_id = p.id AND cp.conference_id = $1 WHERE p.id = $2`,
      [conferenceId, personId],
    );
    return row ?? null;
  }

  /** A new person, last on the conference's list; answers their id. */
  create(conferenceId: string, person: Person): Promise<string> {
    return this.db.transaction(async (m) => {
      const [row]: Array<{ id: string }> = await m.query('INSERT INTO person (display_name, function, organisation) VALUES ($1, $2, $3) RETURNING id', [
        person.name,
        person.function ?? null,
        person.organisation ?? null,
      ]);
      await m.query(
        `INSERT INTO conference_person (conference_id, person_id, biography, position)
         VALUES ($1, $2, $3, (SELECT count(*) FROM conference_person WHERE conference_id = $1))`,
        [conferenceId, row.id, person.biography ?? null],
      );
      return row.id;
    });
  }

  /** The shared fields on the person, the biography on this conference's list (added to it if missing). */
  async update(conferenceId: string, personId: string, person: Person): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query('UPDATE person SET display_name = $2, function = $3, organisation = $4 WHERE id = $1', [personId, person.name, person.function ?? null, person.organisation ?? null]);
      await m.query(
        `INSERT INTO conference_person (conference_id, person_id, biography) VALUES ($1, $2, $3)
         ON CONFLICT (conference_id, person_id) DO UPDATE SET biography = EXCLUDED.biography`,
        [conferenceId, personId, person.biography ?? null],
      );
    });
  }

  /** Off this conference's list and off its sessions; the account stays. */
  async removeFromConference(conferenceId: string, personId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query('DELETE FROM session_person sp USING session s WHERE s.id = sp.session_id AND s.conference_id = $1 AND sp.person_id = $2', [conferenceId, personId]);
      await m.query('DELETE FROM conference_person WHERE conference_id = $1 AND person_id = $2', [conferenceId, personId]);
    });
  }

  tenancy(conferenceId: string, personId: string, m: EntityManager = this.db.manager): Promise<PersonTenancy> {
    return personTenancy(m, conferenceId, personId);
  }
}

/** Where a person appears: in this conference (role, session, programme), in any other, and whether they organise the platform. */
export async function personTenancy(m: EntityManager, conferenceId: string, personId: string): Promise<PersonTenancy> {
  const rows: { conference_id: string }[] = await m.query(
    `SELECT r.conference_id FROM conference_role r WHERE r.person_id = $1 AND r.conference_id IS NOT NULL
     UNION SELECT s.conference_id FROM session_person sp JOIN session s ON s.id = sp.session_id WHERE sp.person_id = $1
     UNION SELECT cp.conference_id FROM conference_person cp WHERE cp.person_id = $1`,
    [personId],
  );
  const platform: unknown[] = await m.query(`SELECT 1 FROM conference_role WHERE person_id = $1 AND conference_id IS NULL AND role = 'organiser'`, [personId]);
  return {
    belongsHere: rows.some((r) => r.conference_id === conferenceId),
    belongsElsewhere: rows.some((r) => r.conference_id !== conferenceId),
    platformOrganiser: platform.length > 0,
  };
}
