/** The shapes of schedule.json (frab/pretalx) that Podium writes; readers must expect more. */

export interface SchedulePerson {
  name: string;
  guid?: string;
  /** Extra members the format tolerates on persons; Podium writes them to keep roles and offices. */
  role?: string;
  function?: string;
  organisation?: string;
  biography?: string;
}

export interface ScheduleEvent {
  guid: string;
  id: number;
  date: string;
  start: string;
  end: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string | null;
  track: string | null;
  type: string;
  language: string | null;
  abstract: string | null;
  description: string | null;
  do_not_record: boolean;
  do_not_stream: boolean;
  persons: SchedulePerson[];
  links: Array<{ url: string; title?: string; type?: string }>;
  /** Where attendees give feedback, when the organisers set one. */
  feedback_url?: string;
}

export interface ScheduleDay {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, ScheduleEvent[]>;
}

export interface ScheduleRoom {
  name: string;
  guid: string;
  slug?: string;
  type?: string;
  capacity?: number | null;
  description?: string | null;
}

export interface ScheduleTrack {
  name: string;
  slug?: string;
  color?: string;
}

export interface ScheduleConference {
  acronym: string;
  title: string;
  description?: string;
  start: string;
  end: string;
  daysCount: number;
  timeslot_duration: string;
  time_zone_name?: string;
  url?: string;
  rooms: ScheduleRoom[];
  tracks: ScheduleTrack[];
  meta?: Record<string, unknown>;
  days: ScheduleDay[];
}

export interface ScheduleDocument {
  $schema?: string;
  generator?: { name?: string; version?: string; url?: string };
  schedule: {
    version: string;
    base_url?: string;
    conference: ScheduleConference;
  };
}
