import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BoothsRepository } from './booths-repository';
import type { BoothEvent } from '@podium/contracts';
import { BOOTH_AGGREGATE, type BoothCommand, type BoothState } from '@podium/market';
import { LiveStore } from '@podium/live-store';
import { PostgresEventLog } from '../live/postgres-event-log';

export const BOOTH_TABLES = { aggregates: 'booth_live', events: 'booth_live_event', idColumn: 'booth_id' };
const SYSTEM = { personId: 'system', displayName: 'Podium', staff: true };

/** Each booth's presence and queue on the live store (the fishbowl's machinery); the first command sets its size. */
@Injectable()
export class BoothStore extends LiveStore<BoothState, BoothCommand, BoothEvent> {
  constructor(db: DataSource, booths: BoothsRepository) {
    super({
      name: 'booth',
      aggregate: BOOTH_AGGREGATE,
      log: new PostgresEventLog<BoothEvent>(db, 'booth', BOOTH_TABLES),
      logger: new Logger('market'),
      boot: async (boothId) => {
        const capacity = await booths.capacity(boothId);
        return capacity === null ? null : { type: 'set-capacity', actor: SYSTEM, capacity };
      },
    });
  }
}
