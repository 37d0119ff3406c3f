import { Injectable } from '@nestjs/common';
import type { StageLayout } from '@podium/contracts';
import { StageRepository } from './stage-repository';

/** What joins to one session decide on, except the caller's roles (the access guard has those). */
export interface SessionSnapshot {
  title: string;
  status: string;
  livestream: boolean;
  endsAtMs: number;
  delayMinutes: number;
  capacity: number | null;
  conferenceSlug: string;
  locked: boolean;
  layout: StageLayout;
  banned: ReadonlySet<string>;
  assignments: ReadonlyMap<string, boolean>;
  /** Interpreters' language pairs by person id. */
  languagePairs: ReadonlyMap<string, { from: string; to: string }>;
}

/** Other api processes see a moderator's change within this time; this process sees it at once. */
const FRESH_MS = 1000;

/**
 * Measured: per-join database round trips dominate a join storm on small machines. Joins to one
 * session share one query per second (and one in flight), instead of one query per join.
 */
@Injectable()
export class JoinSnapshots {
  private readonly cache = new Map<string, { loadedAt: number; value: Promise<SessionSnapshot | null> }>();

  constructor(private readonly stage: StageRepository) {}

  get(sessionId: string): Promise<SessionSnapshot | null> {
    const hit = this.cache.get(sessionId);
    if (hit && Date.now() - hit.loadedAt < FRESH_MS) return hit.value;
    const value = this.load(sessionId);
    this.cache.set(sessionId, { loadedAt: Date.now(), value });
    value.catch(() => this.cache.delete(sessionId));
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!); // bounded
    return value;
  }

  /** After a change made through this process (stage, ban, lock, layout): the next join reads it. */
  invalidate(sessionId: string): void {
    this.cache.delete(sessionId);
  }

  private async load(sessionId: string): Promise<SessionSnapshot | null> {
    const row = await this.stage.joinRow(sessionId);
    if (!row) return null;
    return {
      title: row.title,
      status: row.status,
      livestream: row.livestream,
      endsAtMs: new Date(row.ends_at).getTime(),
      delayMinutes: row.delay_minutes,
      capacity: row.capacity,
      conferenceSlug: row.slug,
      locked: row.locked,
      layout: row.layout,
      banned: new Set<string>(row.banned),
      assignments: new Map(Object.entries(row.assignments)),
      languagePairs: new Map(Object.entries(row.language_pairs)),
    };
  }
}
