import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One connection to a session room: joined, and left when known. */
@Entity('livestream_presence')
export class PresenceEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ name: 'room_kind', type: 'text' }) roomKind: 'stage' | 'backstage';
  @Column({ name: 'room_sid', type: 'text' }) roomSid: string;
  @Column({ name: 'participant_sid', type: 'text', unique: true }) participantSid: string;
  @Column({ type: 'text' }) identity: string;
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId: string | null;
  @Column({ name: 'joined_at', type: 'timestamptz' }) joinedAt: Date;
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true }) leftAt: Date | null;
  @Column({ name: 'left_reason', type: 'text', nullable: true }) leftReason: string | null;
}
