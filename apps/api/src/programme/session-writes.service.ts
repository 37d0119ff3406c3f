import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@podium/contracts';
import {
  assertNoConflicts,
  assertPlacementUnchanged,
  checkSessionWrite,
  instantFromInput,
  validateSessionWrite,
  type Conflict,
  type PersonRole,
  type Programme,
  type Session,
  type SessionInput,
  type SessionPerson,
} from '@podium/programme';
import type { CreateSessionDto, UpdateSessionDto } from './dto/session.dto';
import { ScopeCache } from '../identity/scope-cache';
import { ProgrammeEvents } from './programme-events';
import { ProgrammeStore } from './programme-store';
import { ConferencesRepository } from './conferences-repository';
import { sessionValues } from './rows';
import { SessionsRepository } from './sessions-repository';

const ROLE_LISTS: Array<[keyof CreateSessionDto, PersonRole]> = [
  ['moderators', 'moderator'],
  ['speakers', 'speaker'],
  ['interpreters', 'interpreter'],
  ['captioners', 'captioner'],
];

export interface SessionWriteResult {
  programme: Programme;
  session: Session;
  /** Conflicts the organiser chose to accept with force. */
  conflicts: Conflict[];
}

const sameSession = (a: Session, b: Session) =>
  JSON.stringify([sessionValues(a, '', ''), a.people]) === JSON.stringify([sessionValues(b, '', ''), b.people]);

/** `null` clears a field, `undefined` keeps what was there. */
const pick = <T>(given: T | null | undefined, existing: T | undefined): T | undefined => (given === null ? undefined : given === undefined ? existing : given);

/**
 * Creates, changes and deletes sessions: the domain validates and checks conflicts against the
 * programme read in the same transaction, under a lock on the conference row, so two concurrent
 * writes cannot both slip into the same slot.
 */
@Injectable()
export class SessionWrites {
  constructor(
    private readonly db: DataSource,
    private readonly store: ProgrammeStore,
    private readonly conferences: ConferencesRepository,
    private readonly sessions: SessionsRepository,
    private readonly events: ProgrammeEvents,
    private readonly scopes: ScopeCache,
  ) {}

  /** Runs `work` on the conference's programme with writes to that conference serialised. */
  async locked<T>(conferenceId: string, work: (m: EntityManager, programme: Programme) => Promise<T>): Promise<T> {
    return this.db.transaction(async (m) => {
      if (!(await this.conferences.lock(conferenceId, m))) throw new DomainError('NOT_FOUND', 'No such conference');
      return work(m, await this.store.load(conferenceId, m));
    });
  }

  async create(conferenceId: string, body: CreateSessionDto, force: boolean): Promise<SessionWriteResult> {
    const result = await this.locked(conferenceId, async (m, programme) => {
      const input = this.toInput(programme, body, { id: randomUUID(), people: [] } as Partial<Session>);
      const session = validateSessionWrite(programme, input, { mode: 'create' });
      const conflicts = checkSessionWrite(programme, session);
      assertNoConflicts(conflicts, { force: force || body.force === true });
      await this.sessions.insert(m, session, conferenceId, randomUUID());
      await this.sessions.writePeople(m, session);
      return { programme, session, conflicts };
    });
    this.events.publish({ type: 'sessions-changed', conferenceId, reason: 'edit', sessions: [result.session] });
    return result;
  }

  async update(conferenceId: string, sessionId: string, body: UpdateSessionDto, force: boolean): Promise<SessionWriteResult> {
    const result = await this.locked(conferenceId, async (m, programme) => {
      const existing = programme.sessions.find((s) => s.id === sessionId);
      if (!existing) throw new DomainError('NOT_FOUND', 'No such session');
      if (body.expected) assertPlacementUnchanged(existing, body.expected); // checked under the lock: a stale move never wins
      const session = validateSessionWrite(programme, this.toInput(programme, body, existing), { mode: 'update' });
      // An empty or unchanged patch writes nothing (not even updated_at) and pushes nothing.
      if (sameSession(session, existing)) return { programme, session: existing, conflicts: [], unchanged: true };
      const conflicts = checkSessionWrite(programme, session);
      assertNoConflicts(conflicts, { force: force || body.force === true });
      await this.save(m, session);
      if (ROLE_LISTS.some(([key]) => body[key] !== undefined)) await this.sessions.writePeople(m, session, true);
      return { programme, session, conflicts, unchanged: false };
    });
    if (!result.unchanged) this.events.publish({ type: 'sessions-changed', conferenceId, reason: 'edit', sessions: [result.session] });
    return result;
  }

  async remove(conferenceId: string, sessionId: string): Promise<void> {
    await this.locked(conferenceId, async (m) => {
      if (!(await this.sessions.remove(m, conferenceId, sessionId))) throw new DomainError('NOT_FOUND', 'No such session');
    });
    this.scopes.forget(); // the access guard must not resolve the deleted session from its cache
    this.events.publish({ type: 'sessions-removed', conferenceId, sessionIds: [sessionId] });
  }

  /** Writes the changed columns of a session that exists (status, times, delay and the rest). */
  save(m: EntityManager, s: Session): Promise<void> {
    return this.sessions.save(m, s);
  }

  /** The DTO merged over the existing session; times are read in the conference zone when they carry none. */
  private toInput(programme: Programme, body: UpdateSessionDto, existing: Partial<Session>): SessionInput {
    const tz = programme.conference.timezone;
    const listed = ROLE_LISTS.some(([key]) => body[key] !== undefined);
    const people: SessionPerson[] = listed
      ? ROLE_LISTS.flatMap(([key, role]) => ((body[key] as string[] | undefined) ?? []).map((personId) => ({ personId, role })))
      : (existing.people ?? []);
    return {
      ...existing,
      id: existing.id as string,
      kind: body.kind ?? (existing.kind as Session['kind']),
      title: body.title ?? (existing.title as string),
      subtitle: pick(body.subtitle, existing.subtitle),
      abstract: pick(body.abstract, existing.abstract),
      description: pick(body.description, existing.description),
      language: body.language ?? existing.language,
      start: body.start !== undefined ? instantFromInput(body.start, tz, 'start') : (existing.start as string),
      end: body.end !== undefined ? instantFromInput(body.end, tz, 'end') : (existing.end as string),
      roomId: pick(body.roomId, existing.roomId),
      trackId: pick(body.trackId, existing.trackId),
      people,
      capacity: pick(body.capacity, existing.capacity),
      livestream: body.livestream ?? existing.livestream ?? true,
      recordingConsent: body.recordingConsent ?? existing.recordingConsent ?? false,
      recordingUrl: pick(body.recordingUrl, existing.recordingUrl),
      feedbackUrl: pick(body.feedbackUrl, existing.feedbackUrl),
    };
  }
}
