import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@podium/contracts';
import { checkRegistration, effectiveCapacity } from '@podium/programme';

export interface RegistrationState {
  registered: boolean;
  registrations: number;
  capacity: number | null;
}

/**
 * Seats in sessions with limited places. The session row is locked FOR UPDATE while counting and
 * inserting, so concurrent registrations for the last seat are serialised: exactly one gets it.
 */
@Injectable()
export class Registrations {
  constructor(private readonly db: DataSource) {}

  async register(sessionId: string, personId: string): Promise<RegistrationState> {
    return this.db.transaction(async (m) => {
      const [s] = await m.query(
        `SELECT s.id, s.title, s.status, s.capacity, r.capacity AS room_capacity
           FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = $1 FOR UPDATE OF s`,
        [sessionId],
      );
      if (!s) throw new DomainError('NOT_FOUND', 'No such session');
      const capacity = effectiveCapacity({ capacity: s.capacity ?? undefined }, { capacity: s.room_capacity ?? undefined });
      const [{ count, mine }] = await m.query(
        'SELECT count(*)::int AS count, bool_or(person_id = $2) AS mine FROM session_registration WHERE session_id = $1',
        [sessionId, personId],
      );
      if (mine) return { registered: true, registrations: count, capacity: capacity ?? null };
      if (s.status === 'ended' || s.status === 'cancelled') throw new DomainError('CONFLICT', `"${s.title}" is ${s.status}; registration is closed`, { sessionId });
      const full = checkRegistration({ id: s.id, title: s.title }, count, capacity);
      if (full) throw new DomainError('CONFLICT', full.message, { conflicts: [full] });
      await m.query('INSERT INTO session_registration (session_id, person_id) VALUES ($1, $2)', [sessionId, personId]);
      return { registered: true, registrations: count + 1, capacity: capacity ?? null };
    });
  }

  async unregister(sessionId: string, personId: string): Promise<RegistrationState> {
    await this.db.query('DELETE FROM session_registration WHERE session_id = $1 AND person_id = $2', [sessionId, personId]);
    return this.state(sessionId, personId);
  }

  async state(sessionId: string, personId: string | null): Promise<RegistrationState> {
    const [row] = await this.db.query(
      `SELECT COALESCE(s.capacity, r.capacity) AS capacity,
              (SELECT count(*)::int FROM session_registration WHERE session_id = s.id) AS registrations,
              EXISTS (SELECT 1 FROM session_registration WHERE session_id = s.id AND person_id = $2) AS registered
         FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = $1`,
      [sessionId, personId],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'No such session');
    return { registered: row.registered, registrations: row.registrations, capacity: row.capacity };
  }
}
