import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const TTL_MS = 5000;

/**
 * Which conference a session or slug belongs to, remembered for a few seconds: every guarded request
 * asks, and the answer practically never changes. Misses are not cached, so new items appear at once.
 */
@Injectable()
export class ScopeCache {
  private readonly entries = new Map<string, { value: string; until: number }>();

  constructor(private readonly db: DataSource) {}

  conferenceOfSession(sessionId: string): Promise<string | null> {
    return this.remember(`s:${sessionId}`, async () => {
      const rows: { conference_id: string }[] = await this.db.query('SELECT conference_id FROM session WHERE id = $1', [sessionId]);
      return rows[0]?.conference_id ?? null;
    });
  }

  conferenceBySlug(slug: string): Promise<string | null> {
    return this.remember(`c:${slug}`, async () => {
      const rows: { id: string }[] = await this.db.query('SELECT id FROM conference WHERE slug = $1', [slug]);
      return rows[0]?.id ?? null;
    });
  }

  /** Deleting or renaming calls this, so this process never answers from a stale entry. */
  forget(): void {
    this.entries.clear();
  }

  private async remember(key: string, load: () => Promise<string | null>): Promise<string | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (value !== null) {
      if (this.entries.size > 50_000) this.entries.clear();
      this.entries.set(key, { value, until: now + TTL_MS });
    }
    return value;
  }
}
