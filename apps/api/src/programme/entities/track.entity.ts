import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('track')
export class TrackEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) color: string | null;
  @Column({ type: 'integer', default: 0 }) position: number;
}
