import { Injectable } from '@nestjs/common';
import { CachedLookup } from './cached-lookup';
import { SessionDirectoryRepository, type SessionDirectoryRow } from './session-directory-repository';

/** A session as the live features (fishbowl, questions, polls, forum) look it up. */
export interface DirectorySession {
  id: string;
  conferenceId: string;
  kind: string;
  title: string;
  /** The conference's time zone (minutes, exports). */
  timeZone: string;
  status: string;
  endsAtMs: number;
  delayMinutes: number;
  /** Runs as an interactive room (kind `forum` unless switched off, or switched on). */
  interactive: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Sessions rarely change: 1,000 joins of one session ask the database once a minute, not 1,000 times. */
export const SESSION_TTL_MS = 60_000;

export const toDirectorySession = (r: SessionDirectoryRow): DirectorySession => ({
  id: r.id,
  conferenceId: r.conference_id,
  kind: r.kind,
  title: r.title,
  timeZone: r.timezone,
  status: r.status,
  endsAtMs: new Date(r.ends_at).getTime(),
  delayMinutes: r.delay_minutes,
  interactive: r.interactive,
});

/** One cached session lookup for every live feature of this process; each feature adds its own NOT_FOUND rule. */
@Injectable()
export class SessionDirectory {
  private readonly cache: CachedLookup<DirectorySession>;

  constructor(rows: SessionDirectoryRepository) {
    this.cache = new CachedLookup(async (id) => {
      const row = await rows.byId(id);
      return row ? toDirectorySession(row) : null;
    }, { ttlMs: SESSION_TTL_MS });
  }

  /** The session, or null for an unknown id or anything that is no uuid (never reaches the database). */
  lookup(sessionId: unknown, maxAgeMs?: number): Promise<DirectorySession | null> {
    if (typeof sessionId !== 'string' || !UUID.test(sessionId)) return Promise.resolve(null);
    return this.cache.get(sessionId.toLowerCase(), maxAgeMs);
  }
}
