import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Programme } from '@podium/programme';
import { insertRows } from './bulk-insert';
import { ConferencesRepository } from './conferences-repository';
import { SESSION_WRITE_COLUMNS, sessionValues } from './rows';

export interface InsertOptions {
  slug: string;
  /** Unpublished (a draft) unless true. */
  published?: boolean;
}

/** Names are unique per conference in the database; a clash gets ' (2)' as the export would write it. */
function uniqueNames<T extends { id: string; name: string }>(items: readonly T[]): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const item of items) {
    let name = item.name;
    for (let n = 2; taken.has(name); n++) name = `${item.name} (${n})`;
    taken.add(name);
    names.set(item.id, name);
  }
  return names;
}

/**
 * Writes a whole (validated) programme as a new conference with fresh uuids, in bulk. Runs inside
 * the caller's transaction, so an import either lands completely or not at all.
 */
export async function insertProgramme(m: EntityManager, programme: Programme, options: InsertOptions): Promise<{ conferenceId: string; sessionIds: Map<string, string> }> {
  const c = programme.conference;
  const conferenceId = await new ConferencesRepository(m.connection).insert(options.slug, c, options.published ?? false, m);
  const ids = new Map<string, string>();
  const uuid = (kind: string, id: string) => {
    const made = randomUUID();
    ids.set(`${kind}/${id}`, made);
    return made;
  };
  const ref = (kind: string, id: string | undefined) => (id === undefined ? null : (ids.get(`${kind}/${id}`) ?? null));

  const roomNames = uniqueNames(programme.rooms);
  await insertRows(m, 'room', ['id', 'conference_id', 'guid', 'name', 'kind', 'capacity', 'changeover_minutes', 'position'],
    programme.rooms.map((r) => [uuid('room', r.id), conferenceId, r.guid ?? randomUUID(), roomNames.get(r.id), r.kind, r.capacity ?? null, r.changeoverMinutes, r.position]));
  const trackNames = uniqueNames(programme.tracks);
  await insertRows(m, 'track', ['id', 'conference_id', 'name', 'color', 'position'],
    programme.tracks.map((t, i) => [uuid('track', t.id), conferenceId, trackNames.get(t.id), t.color ?? null, i]));
  await insertRows(m, 'person', ['id', 'display_name', 'function', 'organisation'],
    programme.people.map((p) => [uuid('person', p.id), p.name, p.function ?? null, p.organisation ?? null]));
  await insertRows(m, 'conference_person', ['conference_id', 'person_id', 'guid', 'biography', 'position'],
    programme.people.map((p, i) => [conferenceId, ref('person', p.id), p.guid ?? randomUUID(), p.biography ?? null, i]));

  const sessionIds = new Map<string, string>();
  const sessionRows = programme.sessions.map((s) => {
    const id = uuid('session', s.id);
    sessionIds.set(s.id, id);
    return sessionValues({ ...s, id, roomId: ref('room', s.roomId) ?? undefined, trackId: ref('track', s.trackId) ?? undefined }, conferenceId, s.guid ?? randomUUID());
  });
  await insertRows(m, 'session', SESSION_WRITE_COLUMNS, sessionRows);
  await insertRows(m, 'session_person', ['session_id', 'person_id', 'role', 'position'],
    programme.sessions.flatMap((s) => s.people.map((p, i) => [sessionIds.get(s.id), ref('person', p.personId), p.role, i])));
  return { conferenceId, sessionIds };
}
