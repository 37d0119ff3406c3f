import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('conference')
export class ConferenceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) slug: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', default: 'Europe/Berlin' }) timezone: string;
  /** Local calendar dates in the conference timezone ('YYYY-MM-DD'). */
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date' }) endDate: string;
  @Column({ type: 'text', default: 'digital' }) format: 'digital' | 'hybrid' | 'in-person';
  @Column({ type: 'text', nullable: true }) venue: string | null;
  @Column({ type: 'text', nullable: true }) url: string | null;
  /** 'HH:MM' before noon at which a conference day ends (frab's day_change); null: midnight. */
  @Column({ name: 'day_change', type: 'text', nullable: true }) dayChange: string | null;
  @Column({ name: 'allow_guests', type: 'boolean', default: false }) allowGuests: boolean;
  @Column({ type: 'boolean', default: false }) published: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
