import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('session_person')
export class SessionPersonEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @PrimaryColumn({ type: 'text' }) role: 'moderator' | 'speaker' | 'interpreter' | 'captioner';
  @Column({ type: 'integer', default: 0 }) position: number;
}
