import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who a moderator (or the fishbowl) put on or took off a session's stage. */
@Entity('stage_assignment')
export class StageAssignmentEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'on_stage', type: 'boolean' }) onStage: boolean;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
