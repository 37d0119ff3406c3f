import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SessionStatus } from '@podium/programme';

@Entity('session')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @Column({ type: 'uuid' }) guid: string;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId: string | null;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) subtitle: string | null;
  @Column({ type: 'text', nullable: true }) abstract: string | null;
  @Column({ type: 'text', default: 'de' }) language: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'room_id', type: 'uuid', nullable: true }) roomId: string | null;
  @Column({ name: 'track_id', type: 'uuid', nullable: true }) trackId: string | null;
  @Column({ type: 'integer', nullable: true }) capacity: number | null;
  @Column({ type: 'boolean', default: true }) livestream: boolean;
  @Column({ name: 'recording_consent', type: 'boolean', default: false }) recordingConsent: boolean;
  @Column({ type: 'text', default: 'scheduled' }) status: SessionStatus;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', nullable: true }) slug: string | null;
  @Column({ type: 'text', nullable: true }) url: string | null;
  @Column({ name: 'event_type', type: 'text', nullable: true }) eventType: string | null;
  @Column({ name: 'schedule_id', type: 'integer', nullable: true }) scheduleId: number | null;
  @Column({ name: 'recording_url', type: 'text', nullable: true }) recordingUrl: string | null;
  @Column({ name: 'feedback_url', type: 'text', nullable: true }) feedbackUrl: string | null;
  @Column({ name: 'delay_minutes', type: 'integer', default: 0 }) delayMinutes: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
