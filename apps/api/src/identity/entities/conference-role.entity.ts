import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConferenceRole } from '@podium/identity';

@Entity('conference_role')
export class ConferenceRoleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Null: the role holds on every conference (a platform organiser). */
  @Column({ name: 'conference_id', type: 'uuid', nullable: true }) conferenceId: string | null;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) role: ConferenceRole;
}
