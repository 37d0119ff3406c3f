import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('room')
export class RoomEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @Column({ type: 'uuid' }) guid: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', default: 'virtual-stage' }) kind: 'virtual-stage' | 'forum-room' | 'hall';
  @Column({ type: 'integer', nullable: true }) capacity: number | null;
  @Column({ name: 'changeover_minutes', type: 'integer', default: 0 }) changeoverMinutes: number;
  @Column({ type: 'integer', default: 0 }) position: number;
}
