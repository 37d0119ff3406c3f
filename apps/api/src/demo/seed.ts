import { DataSource, EntityManager } from 'typeorm';
import { addDays, zonedToUtc } from '@podium/programme';
import { PersonEntity } from '../identity/entities/person.entity';
import { ConferenceEntity } from '../programme/entities/conference.entity';
import { RoomEntity } from '../programme/entities/room.entity';
import { SessionPersonEntity } from '../programme/entities/session-person.entity';
import { SessionEntity } from '../programme/entities/session.entity';
import { TrackEntity } from '../programme/entities/track.entity';
import { DEMO_CONFERENCES, DEMO_PEOPLE, type DemoConference } from './demo-data';
import { PROBE_SLUG, probeConference } from './probe';

/** What time implies at seeding; the lifecycle scheduler takes over from there. */
function statusAt(startsAt: Date, endsAt: Date, now: number): 'scheduled' | 'backstage' | 'live' | 'ended' {
  if (endsAt.getTime() <= now) return 'ended';
  if (startsAt.getTime() <= now) return 'live';
  return startsAt.getTime() - 15 * 60_000 <= now ? 'backstage' : 'scheduled';
}

/** Loads the demo conferences on a database that has none yet; returns the slugs it loaded. */
export async function seedDemoIfEmpty(db: DataSource): Promise<string[] | null> {
  const [{ count }] = await db.query('SELECT count(*)::int AS count FROM conference');
  if (count > 0) return null;
  return seedDemo(db);
}

/** Loads (or reloads) the demo conferences in one transaction: all or nothing. */
export async function seedDemo(db: DataSource, now = new Date()): Promise<string[]> {
  const conferences = [...DEMO_CONFERENCES, probeConference(now)];
  return db.transaction(async (manager) => {
    const people = await upsertPeople(manager);
    for (const conference of conferences) await loadConference(manager, conference, people);
    return conferences.map((c) => c.slug);
  });
}

/** Keeps the probe conference on today's date: rebuilt when missing or from another day. */
export async function refreshProbeConference(db: DataSource, now = new Date()): Promise<boolean> {
  const probe = probeConference(now);
  const rows: { start_date: string }[] = await db.query(`SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date FROM conference WHERE slug = $1`, [PROBE_SLUG]);
  if (rows[0]?.start_date === probe.startDate) return false;
  await db.transaction(async (manager) => loadConference(manager, probe, await upsertPeople(manager)));
  return true;
}

async function upsertPeople(manager: EntityManager): Promise<Map<string, string>> {
  const repo = manager.getRepository(PersonEntity);
  const ids = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    const externalId = `demo:${p.key}`;
    const existing = await repo.findOne({ where: { externalId } });
    const saved = await repo.save({ ...(existing ?? {}), displayName: p.name, function: p.function ?? null, organisation: p.organisation ?? null, externalId, isGuest: false });
    ids.set(p.key, saved.id);
  }
  return ids;
}

async function loadConference(manager: EntityManager, c: DemoConference, people: Map<string, string>): Promise<void> {
  await manager.delete(ConferenceEntity, { slug: c.slug });
  const conference = await manager.getRepository(ConferenceEntity).save({
    slug: c.slug, title: c.title, description: c.description, timezone: c.timezone, startDate: c.startDate, endDate: c.endDate,
    format: c.format, venue: c.venue, allowGuests: c.allowGuests, published: true,
  });
  const rooms = new Map<string, string>();
  for (const [position, room] of c.rooms.entries()) {
    const saved = await manager.getRepository(RoomEntity).save({
      conferenceId: conference.id, name: room.name, kind: room.kind, capacity: room.capacity ?? null, changeoverMinutes: room.changeoverMinutes ?? 0, position,
    });
    rooms.set(room.name, saved.id);
  }
  const tracks = new Map<string, string>();
  for (const name of c.tracks) {
    const saved = await manager.getRepository(TrackEntity).save({ conferenceId: conference.id, name, color: null });
    tracks.set(name, saved.id);
  }
  const now = Date.now();
  for (const s of c.sessions) {
    const date = addDays(c.startDate, s.day - 1);
    const startsAt = s.at?.start ?? new Date(zonedToUtc(date, s.start, c.timezone));
    const endsAt = s.at?.end ?? new Date(zonedToUtc(date, s.end, c.timezone));
    const session = await manager.getRepository(SessionEntity).save({
      conferenceId: conference.id, kind: s.kind, title: s.title, abstract: s.abstract ?? null, language: 'de',
      startsAt, endsAt,
      roomId: rooms.get(s.room) ?? null, trackId: s.track ? (tracks.get(s.track) ?? null) : null, capacity: s.capacity ?? null,
      livestream: s.livestream ?? true, recordingConsent: false, status: statusAt(startsAt, endsAt, now), delayMinutes: 0,
    });
    for (const [position, p] of (s.people ?? []).entries()) {
      await manager.getRepository(SessionPersonEntity).save({ sessionId: session.id, personId: people.get(p.key)!, role: p.role, position });
    }
  }
  // The programme's people list (and schedule.json guids) hang on conference_person.
  await manager.query(
    `INSERT INTO conference_person (conference_id, person_id, position)
     SELECT $1, sp.person_id, min(sp.position) FROM session_person sp JOIN session s ON s.id = sp.session_id
      WHERE s.conference_id = $1 GROUP BY sp.person_id`,
    [conference.id],
  );
}
