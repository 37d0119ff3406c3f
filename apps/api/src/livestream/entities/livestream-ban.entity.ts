import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person removed from a session's rooms for good. */
@Entity('livestream_ban')
export class LivestreamBanEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'banned_by', type: 'uuid', nullable: true }) bannedBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
