import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The livekit_webhook_event table's SQL: LiveKit's event ids seen, so a redelivery counts once. */
@Injectable()
export class WebhookEventsRepository {
  constructor(private readonly db: DataSource) {}

  /** True the first time this event id is seen, false for a redelivery. */
  async recordOnce(id: string, event: string, roomName: string): Promise<boolean> {
    const fresh: unknown[] = await this.db.query(`INSERT INTO livekit_webhook_event (id, event, room_name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id`, [
      id,
      event,
      roomName,
    ]);
    return fresh.length > 0;
  }

  /** LiveKit redelivers within minutes: a day of ids is plenty. */
  async pruneOld(): Promise<void> {
    await this.db.query(`DELETE FROM livekit_webhook_event WHERE received_at < now() - interval '1 day'`);
  }
}
