import { LivestreamBanEntity } from './livestream-ban.entity';
import { LivestreamRoomEntity } from './livestream-room.entity';
import { PresenceEntity } from './presence.entity';
import { StageAssignmentEntity } from './stage-assignment.entity';
import { LiveKitWebhookEventEntity } from './webhook-event.entity';

/** The livestream module's tables, appended to the database's entity list. */
export const LIVESTREAM_ENTITIES = [StageAssignmentEntity, LivestreamBanEntity, LivestreamRoomEntity, LiveKitWebhookEventEntity, PresenceEntity];
