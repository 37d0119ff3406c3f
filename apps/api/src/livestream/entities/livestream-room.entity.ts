import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-session room state kept by us (LiveKit forgets rooms on restart). */
@Entity('livestream_room')
export class LivestreamRoomEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ type: 'boolean', default: false }) locked: boolean;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
