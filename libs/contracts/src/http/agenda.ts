/** HTTP answers about one signed-in person's own programme: bookmarks, agenda, calendar feed, registrations. */
import type { SessionView } from './programme';

/** `GET /api/conferences/:slug/bookmarks`: in programme order. */
export interface BookmarkIds {
  sessionIds: string[];
}

export interface AgendaWarning {
  kind: 'overlap' | 'cancelled';
  sessionId: string;
  otherSessionId?: string;
  message: string;
}
/** `GET /api/conferences/:slug/my-agenda`. */
export interface MyAgenda {
  sessions: SessionView[];
  warnings: AgendaWarning[];
}

/** `GET|POST /api/me/calendar-feed`: the URL is the secret; rotating makes every earlier URL stop working. */
export interface CalendarFeed {
  url: string;
  /** ISO time of the last rotation. */
  rotatedAt: string;
}

/** `GET|POST|DELETE /api/sessions/:id/registration`. */
export interface RegistrationState {
  registered: boolean;
  registrations: number;
  capacity: number | null;
}
