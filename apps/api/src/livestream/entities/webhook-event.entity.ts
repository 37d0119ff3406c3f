import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Webhook ids already handled (LiveKit retries deliveries). */
@Entity('livekit_webhook_event')
export class LiveKitWebhookEventEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) event: string;
  @Column({ name: 'room_name', type: 'text', nullable: true }) roomName: string | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}
