import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person on a conference's programme; guid and biography are what schedule.json carries per person. */
@Entity('conference_person')
export class ConferencePersonEntity {
  @PrimaryColumn({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'uuid' }) guid: string;
  @Column({ type: 'text', nullable: true }) biography: string | null;
  @Column({ type: 'integer', default: 0 }) position: number;
}

/** A seat taken in a session with limited places (forums). */
@Entity('session_registration')
export class SessionRegistrationEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A session on a person's own agenda. */
@Entity('bookmark')
export class BookmarkEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** The version of a person's private calendar feed token (the token itself is derived, never stored). */
@Entity('calendar_feed')
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'rotated_at', type: 'timestamptz' }) rotatedAt: Date;
}
