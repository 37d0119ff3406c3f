import { ConferenceRoleEntity } from '../identity/entities/conference-role.entity';
import { InvitationEntity } from '../identity/entities/invitation.entity';
import { PersonEntity } from '../identity/entities/person.entity';
import { ConferenceEntity } from '../programme/entities/conference.entity';
import { RoomEntity } from '../programme/entities/room.entity';
import { SessionPersonEntity } from '../programme/entities/session-person.entity';
import { SessionEntity } from '../programme/entities/session.entity';
import { TrackEntity } from '../programme/entities/track.entity';
import { LIVESTREAM_ENTITIES } from '../livestream/entities';
import { FISHBOWL_ENTITIES } from '../fishbowl/entities';
import { PROGRAMME_ENTITIES } from '../programme/entities';

/** Every TypeORM entity, listed explicitly (no globbing in the compiled build). */
export const entities = [
  PersonEntity,
  ConferenceRoleEntity,
  InvitationEntity,
  ConferenceEntity,
  RoomEntity,
  TrackEntity,
  SessionEntity,
  SessionPersonEntity,
  ...LIVESTREAM_ENTITIES,
  ...FISHBOWL_ENTITIES,
  ...PROGRAMME_ENTITIES,
];
