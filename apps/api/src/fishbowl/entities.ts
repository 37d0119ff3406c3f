import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per fishbowl: the row lock that serialises commands, and the timers' sweep index. */
@Entity('fishbowl')
export class FishbowlEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ type: 'integer', default: 0 }) version: number;
  @Column({ type: 'text', default: 'draft' }) status: 'draft' | 'running' | 'ended';
  @Column({ name: 'next_deadline', type: 'timestamptz', nullable: true }) nextDeadline: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** The append-only log; (session_id, version) is the primary key and so the concurrency check. */
@Entity('fishbowl_event')
export class FishbowlEventEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'jsonb' }) actor: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) at: Date;
}

export const FISHBOWL_ENTITIES = [FishbowlEntity, FishbowlEventEntity];
