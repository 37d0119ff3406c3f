import type { EntityManager } from 'typeorm';
import type { PersonTenancy } from '@podium/identity';

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
