import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@podium/contracts';
import { checkRegistration, effectiveCapacity } from '@podium/programme';
import { RegistrationsRepository } from './registrations-repository';

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
  constructor(
    private readonly db: DataSource,
    private readonly seats: RegistrationsRepository,
  ) {}

  async register(sessionId: string, personId: string): Promise<RegistrationState> {
    return this.db.transaction(async (m) => {
      const s = await this.seats.lockSession(m, sessionId);
      if (!s) throw new DomainError('NOT_FOUND', 'No such session');
      const capacity = effectiveCapacity({ capacity: s.capacity ?? undefined }, { capacity: s.room_capacity ?? undefined });
      const { count, mine } = await this.seats.taken(m, sessionId, personId);
      if (mine) return { registered: true, registrations: count, capacity: capacity ?? null };
      if (s.status === 'ended' || s.status === 'cancelled') throw new DomainError('CONFLICT', `"${s.title}" is ${s.status}; registration is closed`, { sessionId });
      const full = checkRegistration({ id: s.id, title: s.title }, count, capacity);
      if (full) throw new DomainError('CONFLICT', full.message, { conflicts: [full] });
      await this.seats.insert(m, sessionId, personId);
      return { registered: true, registrations: count + 1, capacity: capacity ?? null };
    });
  }

  async unregister(sessionId: string, personId: string): Promise<RegistrationState> {
    await this.seats.remove(sessionId, personId);
    return this.state(sessionId, personId);
  }

  async state(sessionId: string, personId: string | null): Promise<RegistrationState> {
    const row = await this.seats.state(sessionId, personId);
    if (!row) throw new DomainError('NOT_FOUND', 'No such session');
    return { registered: row.registered, registrations: row.registrations, capacity: row.capacity };
  }
}
