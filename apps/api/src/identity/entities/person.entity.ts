import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'text', nullable: true }) function: string | null;
  @Column({ type: 'text', nullable: true }) organisation: string | null;
  @Column({ name: 'is_guest', type: 'boolean', default: false }) isGuest: boolean;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
