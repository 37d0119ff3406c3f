import { BookmarkEntity, CalendarFeedEntity, ConferencePersonEntity, SessionRegistrationEntity } from './programme-tables.entity';

/** The programme's tables added after the foundation (the foundation's are listed one by one in database/entities.ts). */
export const PROGRAMME_ENTITIES = [ConferencePersonEntity, SessionRegistrationEntity, BookmarkEntity, CalendarFeedEntity];
