import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type ContactRequestStatus, type ContactRequestView, type DirectoryEntry } from '@podium/contracts';
import { checkAnswer, checkRequest, contactVisible } from '@podium/networking';
import type { ContactAnswerDto, DirectoryEntryDto, NewContactRequestDto } from './networking.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opt-in directory and contact requests of a conference: nothing is visible to anyone who did not opt in. */
@Injectable()
export class NetworkingService {
  constructor(private readonly db: DataSource) {}

  private async listed(conferenceId: string, personId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM directory_entry WHERE conference_id = $1 AND person_id = $2', [conferenceId, personId])).length > 0;
  }

  async directory(conferenceId: string, me: string): Promise<DirectoryEntry[]> {
    if (!(await this.listed(conferenceId, me))) throw new DomainError('FORBIDDEN', 'The directory is visible only to people who show themselves in it: opt in first');
    const rows: { person_id: string; display_name: string; function: string | null; organisation: string | null; topics: string[] }[] = await this.db.query(
      `SELECT d.person_id, p.display_name, d.function, d.organisation, d.topics FROM directory_entry d JOIN person p ON p.id = d.person_id
        WHERE d.conference_id = $1 ORDER BY p.display_name, d.person_id`,
      [conferenceId],
    );
    return rows.map((r) => ({ personId: r.person_id, displayName: r.display_name, function: r.function, organisation: r.organisation, topics: r.topics }));
  }

  async optIn(conferenceId: string, me: string, body: DirectoryEntryDto): Promise<{ listed: true }> {
    await this.db.query(
      `INSERT INTO directory_entry (conference_id, person_id, function, organisation, topics, contact) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (conference_id, person_id) DO UPDATE SET function = EXCLUDED.function, organisation = EXCLUDED.organisation, topics = EXCLUDED.topics, contact = EXCLUDED.contact, updated_at = now()`,
      [conferenceId, me, body.function?.trim() || null, body.organisation?.trim() || null, (body.topics ?? []).map((t) => t.trim()), body.contact.trim()],
    );
    return { listed: true };
  }

  /** Opting out removes the entry, every request I sent or received here, my speed-networking places and shares. */
  async optOut(conferenceId: string, me: string): Promise<{ listed: false }> {
    await this.db.transaction(async (m) => {
      await m.query('DELETE FROM contact_request WHERE conference_id = $1 AND (from_person = $2 OR to_person = $2)', [conferenceId, me]);
      // Out of speed networking too: no longer drawn, and the details I shared there are withdrawn.
      await m.query('DELETE FROM speed_participant s USING speed_networking n WHERE n.id = s.speed_id AND n.conference_id = $1 AND s.person_id = $2', [conferenceId, me]);
      await m.query('DELETE FROM speed_share s USING speed_group g, speed_networking n WHERE g.id = s.group_id AND n.id = g.speed_id AND n.conference_id = $1 AND s.person_id = $2', [conferenceId, me]);
      await m.query('DELETE FROM directory_entry WHERE conference_id = $1 AND person_id = $2', [conferenceId, me]);
    });
    return { listed: false };
  }

  async request(conferenceId: string, me: string, body: NewContactRequestDto): Promise<{ id: string; status: ContactRequestStatus }> {
    const listed = new Set<string>(
      ((await this.db.query('SELECT person_id FROM directory_entry WHERE conference_id = $1 AND person_id = ANY($2::uuid[])', [conferenceId, [me, body.to]])) as { person_id: string }[]).map((r) => r.person_id),
    );
    const refused = checkRequest(me, body.to, (id) => listed.has(id));
    if (refused) throw refused;
    const rows: { id: string; status: ContactRequestStatus }[] = await this.db.query(
      `INSERT INTO contact_request (conference_id, from_person, to_person, message) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conference_id, from_person, to_person) DO NOTHING RETURNING id, status`,
      [conferenceId, me, body.to, body.message?.trim() || null],
    );
    if (!rows[0]) throw new DomainError('CONFLICT', 'You have asked this person already');
    return rows[0];
  }

  async answer(conferenceId: string, me: string, id: string, body: ContactAnswerDto): Promise<{ id: string; status: ContactRequestStatus }> {
    if (!UUID.test(id)) throw new DomainError('NOT_FOUND', 'No such contact request');
    return this.db.transaction(async (m) => {
      const [row] = (await m.query('SELECT from_person, to_person, status FROM contact_request WHERE id = $1 AND conference_id = $2 FOR UPDATE', [id, conferenceId])) as { from_person: string; to_person: string; status: ContactRequestStatus }[];
      // Someone else's request is as unknown as a missing one: its existence is nobody else's business.
      if (!row || (row.from_person !== me && row.to_person !== me)) throw new DomainError('NOT_FOUND', 'No such contact request');
      const refused = checkAnswer({ fromPerson: row.from_person, toPerson: row.to_person, status: row.status }, me);
      if (refused) throw refused;
      const status: ContactRequestStatus = body.accept ? 'accepted' : 'declined';
      await m.query('UPDATE contact_request SET status = $2, answered_at = now() WHERE id = $1', [id, status]);
      return { id, status };
    });
  }

  /** My requests, sent and received; the other side's contact only where both agreed. */
  async mine(conferenceId: string, me: string): Promise<ContactRequestView[]> {
    const rows: { id: string; from_person: string; to_person: string; message: string | null; status: ContactRequestStatus; created_at: Date; other_name: string; other_contact: string | null }[] = await this.db.query(
      `SELECT r.id, r.from_person, r.to_person, r.message, r.status, r.created_at, p.display_name AS other_name, d.contact AS other_contact
         FROM contact_request r
         JOIN person p ON p.id = CASE WHEN r.from_person = $2 THEN r.to_person ELSE r.from_person END
         LEFT JOIN directory_entry d ON d.conference_id = r.conference_id AND d.person_id = p.id
        WHERE r.conference_id = $1 AND (r.from_person = $2 OR r.to_person = $2) ORDER BY r.created_at, r.id`,
      [conferenceId, me],
    );
    return rows.map((r) => {
      const sent = r.from_person === me;
      return {
        id: r.id,
        direction: sent ? 'sent' : 'received',
        other: { personId: sent ? r.to_person : r.from_person, displayName: r.other_name },
        message: r.message,
        status: r.status,
        contact: contactVisible({ fromPerson: r.from_person, toPerson: r.to_person, status: r.status }) ? r.other_contact : null,
        createdAt: new Date(r.created_at).toISOString(),
      };
    });
  }
}
