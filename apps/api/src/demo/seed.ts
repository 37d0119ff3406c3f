import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, zonedToUtc, type Session } from '@podium/programme';
import { PersonEntity } from '../identity/entities/person.entity';
import { insertRows } from '../programme/bulk-insert';
import { ConferencesRepository } from '../programme/conferences-repository';
import { SessionsRepository } from '../programme/sessions-repository';
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
  const conferences = new ConferencesRepository(manager.connection);
  await conferences.deleteBySlug(c.slug, manager);
  const { slug, title, description, timezone, startDate, endDate, format, allowGuests } = c;
  const conferenceId = await conferences.insert(slug, { id: 'new', slug, title, description, timezone, startDate, endDate, format, venue: c.venue ?? undefined, allowGuests }, true, manager);
  const rooms = new Map(c.rooms.map((room) => [room.name, randomUUID()]));
  await insertRows(manager, 'room', ['id', 'conference_id', 'name', 'kind', 'capacity', 'changeover_minutes', 'position'],
    c.rooms.map((room, position) => [rooms.get(room.name), conferenceId, room.name, room.kind, room.capacity ?? null, room.changeoverMinutes ?? 0, position]));
  // Every demo track at position 0: they show in name order.
  const tracks = new Map(c.tracks.map((name) => [name, randomUUID()]));
  await insertRows(manager, 'track', ['id', 'conference_id', 'name'], c.tracks.map((name) => [tracks.get(name), conferenceId, name]));
  const sessions = new SessionsRepository(manager.connection);
  const now = Date.now();
  for (const s of c.sessions) {
    const date = addDays(c.startDate, s.day - 1);
    const startsAt = s.at?.start ?? new Date(zonedToUtc(date, s.start, c.timezone));
    const endsAt = s.at?.end ?? new Date(zonedToUtc(date, s.end, c.timezone));
    const session: Session = {
      id: randomUUID(), kind: s.kind, title: s.title, abstract: s.abstract, language: 'de', start: startsAt.toISOString(), end: endsAt.toISOString(),
      roomId: rooms.get(s.room), trackId: s.track ? tracks.get(s.track) : undefined, capacity: s.capacity,
      people: (s.people ?? []).map((p) => ({ personId: people.get(p.key)!, role: p.role })),
      livestream: s.livestream ?? true, recordingConsent: false, status: statusAt(startsAt, endsAt, now), delayMinutes: 0,
    };
    await sessions.insert(manager, session, conferenceId, randomUUID());
    await sessions.writePeople(manager, session);
  }
  // The programme's people list (and schedule.json guids) hang on conference_person.
  await manager.query(
    `INSERT INTO conference_person (conference_id, person_id, position)
     SELECT $1, sp.person_id, min(sp.position) FROM session_person sp JOIN session s ON s.id = sp.session_id
      WHERE s.conference_id = $1 GROUP BY sp.person_id`,
    [conferenceId],
  );
}
