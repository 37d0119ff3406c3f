import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@podium/contracts';
import { allows } from '@podium/identity';
import type { Programme, Session, SessionPerson } from '@podium/programme';
import { IdentityService } from '../identity/identity.service';
import type { AccessContext } from '../identity/principal';
import { ConferencesRepository } from './conferences-repository';
import { PeopleRepository } from './people-repository';
import { RoomsRepository } from './rooms-repository';
import { SessionsRepository } from './sessions-repository';
import { TracksRepository } from './tracks-repository';
import {
  toConference,
  toPerson,
  toRoom,
  toSession,
  toTrack,
  type ConferenceRow,
  type PersonRow,
  type RoomRow,
  type SessionPersonRow,
  type SessionRow,
  type TrackRow,
} from './rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Reads a conference's programme out of PostgreSQL as the domain model, and says who may see it. */
@Injectable()
export class ProgrammeStore {
  constructor(
    private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly conferences: ConferencesRepository,
    private readonly peopleRows: PeopleRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  async conferenceBySlug(slug: string, m: EntityManager = this.db.manager): Promise<ConferenceRow> {
    const row = await this.conferences.bySlug(slug, m);
    if (!row) throw new DomainError('NOT_FOUND', `No conference "${slug}"`);
    return row;
  }

  async conferenceById(id: string, m: EntityManager = this.db.manager): Promise<ConferenceRow> {
    const row = await this.conferences.byId(id, m);
    if (!row) throw new DomainError('NOT_FOUND', 'No such conference');
    return row;
  }

  /** Published conferences are public; unpublished ones only for people with a role there (404 otherwise, so they stay hidden). */
  async visibleConference(slug: string, access: AccessContext): Promise<ConferenceRow> {
    const row = await this.conferenceBySlug(slug);
    if (!(await this.canSee(row, access))) throw new DomainError('NOT_FOUND', `No conference "${slug}"`);
    return row;
  }

  async canSee(row: Pick<ConferenceRow, 'id' | 'published'>, access: AccessContext): Promise<boolean> {
    if (row.published) return true;
    if (!access.principal) return false;
    const roles = access.conferenceId === row.id ? access.roles : await this.identity.rolesFor(access.principal.personId, row.id, null, access.principal.guest);
    return allows('conference.read', roles);
  }

  /** A guest acts only in the conference they signed in to (where they hold their one role). */
  async assertGuestOf(conferenceId: string, access: AccessContext): Promise<void> {
    if (!access.principal?.guest) return;
    const roles = await this.identity.rolesFor(access.principal.personId, conferenceId, null, true);
    if (roles.conference.size === 0) throw new DomainError('FORBIDDEN', 'Your guest access is for another conference');
  }

  /** The session and its conference, if the caller may see them. */
  async visibleSession(sessionId: string, access: AccessContext, conferenceSlug?: string): Promise<{ conference: ConferenceRow; session: SessionRow }> {
    if (!isUuid(sessionId)) throw new DomainError('NOT_FOUND', 'No such session');
    const session = await this.sessions.byId(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    const conference = await this.conferenceById(session.conference_id);
    if ((conferenceSlug !== undefined && conference.slug !== conferenceSlug) || !(await this.canSee(conference, access))) {
      throw new DomainError('NOT_FOUND', 'No such session');
    }
    return { conference, session };
  }

  /** The whole programme of one conference. */
  load(conferenceId: string, m: EntityManager = this.db.manager, conferenceRow?: ConferenceRow): Promise<Programme> {
    return loadProgramme(m, conferenceId, conferenceRow);
  }

  people(conferenceId: string, m: EntityManager = this.db.manager): Promise<PersonRow[]> {
    return this.peopleRows.ofConference(conferenceId, m);
  }
}

/** The whole programme of one conference (six queries, whatever its size, from the repositories); also used by the CLI and export. */
export async function loadProgramme(m: EntityManager, conferenceId: string, conferenceRow?: ConferenceRow): Promise<Programme> {
  const db = m.connection;
  const conferenceQuery = async () => {
    const row = await new ConferencesRepository(db).byId(conferenceId, m);
    if (!row) throw new DomainError('NOT_FOUND', 'No such conference');
    return row;
  };
  const sessionRows = new SessionsRepository(db);
  // Inside a transaction there is one connection: queries go one after another (pg refuses to queue them concurrently).
  const inTransaction = !!m.queryRunner?.isTransactionActive;
  const queries: Array<() => Promise<unknown>> = [
    () => (conferenceRow ? Promise.resolve(conferenceRow) : conferenceQuery()),
    () => new RoomsRepository(db).list(conferenceId, m),
    () => new TracksRepository(db).list(conferenceId, m),
    () => sessionRows.ofConference(conferenceId, m),
    () => sessionRows.peopleOfConference(conferenceId, m),
    () => new PeopleRepository(db).ofConference(conferenceId, m),
  ];
  const results: unknown[] = [];
  if (inTransaction) for (const q of queries) results.push(await q());
  else results.push(...(await Promise.all(queries.map((q) => q()))));
  const [conference, rooms, tracks, sessions, links, people] = results as [ConferenceRow, RoomRow[], TrackRow[], SessionRow[], SessionPersonRow[], PersonRow[]];
  return {
    conference: toConference(conference),
    rooms: rooms.map(toRoom),
    tracks: tracks.map(toTrack),
    sessions: attachPeople(sessions, links),
    people: people.map(toPerson),
  };
}

function attachPeople(rows: SessionRow[], links: SessionPersonRow[]): Session[] {
  const bySession = new Map<string, SessionPerson[]>();
  for (const l of links) {
    const list = bySession.get(l.session_id);
    if (list) list.push({ personId: l.person_id, role: l.role });
    else bySession.set(l.session_id, [{ personId: l.person_id, role: l.role }]);
  }
  return rows.map((r) => toSession(r, bySession.get(r.id) ?? []));
}
