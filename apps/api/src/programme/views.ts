import {
  conferenceDays,
  lifecycleAt,
  shownTimes,
  toMs,
  toZonedIso,
  type Conference,
  type Person,
  type Room,
  type Session,
  type Track,
} from '@podium/programme';
import type { ConferenceSummary, PersonView, RoomView, SessionView, TrackView } from '@podium/contracts';
import type { ConferenceRow } from './rows';

/** What clients get: plain JSON, planned and shown times in UTC plus local times with the conference offset. */
export function conferenceSummary(c: ConferenceRow): ConferenceSummary {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    description: c.description,
    timezone: c.timezone,
    startDate: c.start_date,
    endDate: c.end_date,
    format: c.format,
    venue: c.venue,
    allowGuests: c.allow_guests,
    published: c.published,
    url: c.url,
    /** 'HH:MM' at which a conference day ends (sessions before it belong to the day before); '00:00' by default. */
    dayChange: c.day_change ?? '00:00',
    days: conferenceDays({ startDate: c.start_date, endDate: c.end_date }),
  };
}

export interface ViewContext {
  conference: Pick<Conference, 'timezone'>;
  people: ReadonlyMap<string, Person>;
  now: number;
  backstageMinutes: number;
}

export function sessionView(s: Session, ctx: ViewContext): SessionView {
  const shown = shownTimes(s);
  const tz = ctx.conference.timezone;
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    subtitle: s.subtitle ?? null,
    abstract: s.abstract ?? null,
    description: s.description ?? null,
    language: s.language,
    start: s.start,
    end: s.end,
    shownStart: shown.start,
    shownEnd: shown.end,
    localStart: toZonedIso(shown.start, tz),
    localEnd: toZonedIso(shown.end, tz),
    durationMinutes: Math.round((toMs(s.end) - toMs(s.start)) / 60_000),
    delayMinutes: s.delayMinutes,
    // The status as of now: a stored status the scheduler has not caught up with yet is not shown.
    status: lifecycleAt(s, ctx.now, ctx.backstageMinutes),
    roomId: s.roomId ?? null,
    trackId: s.trackId ?? null,
    capacity: s.capacity ?? null,
    livestream: s.livestream,
    recordingConsent: s.recordingConsent,
    recordingUrl: s.recordingUrl ?? null,
    feedbackUrl: s.feedbackUrl ?? null,
    people: s.people.map((p) => {
      const person = ctx.people.get(p.personId);
      return { personId: p.personId, role: p.role, name: person?.name ?? null, function: person?.function ?? null, organisation: person?.organisation ?? null };
    }),
  };
}

export function roomView(r: Room): RoomView {
  return { id: r.id, name: r.name, kind: r.kind, capacity: r.capacity ?? null, changeoverMinutes: r.changeoverMinutes, position: r.position };
}

export function trackView(t: Track): TrackView {
  return { id: t.id, name: t.name, color: t.color ?? null };
}

export function personView(p: Person): PersonView {
  return { id: p.id, name: p.name, function: p.function ?? null, organisation: p.organisation ?? null, biography: p.biography ?? null };
}
