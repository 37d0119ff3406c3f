import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type CalendarFeed } from '@podium/contracts';
import { RUNTIME, type Runtime } from '../runtime';
import { CalendarFeedsRepository } from './calendar-feeds-repository';

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([0-9a-f]{32})$/;

/**
 * Private calendar URLs: the token is `<person id>_<HMAC(person, version)>`, so nothing secret is
 * stored and rotating (version + 1) makes every earlier URL stop working at once.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly feeds: CalendarFeedsRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async current(personId: string): Promise<CalendarFeed> {
    const row = await this.feeds.current(personId);
    return { url: this.url(personId, row.version), rotatedAt: iso(row.rotated_at) };
  }

  async rotate(personId: string): Promise<CalendarFeed> {
    const row = await this.feeds.rotate(personId);
    return { url: this.url(personId, row.version), rotatedAt: iso(row.rotated_at) };
  }

  /** The person a feed token belongs to; 404 for anything forged, rotated away or malformed. */
  async personFor(token: string): Promise<string> {
    const m = TOKEN.exec(token);
    const gone = new DomainError('NOT_FOUND', 'No such calendar feed (the link may have been renewed)');
    if (!m) throw gone;
    const version = await this.feeds.version(m[1]);
    if (version === null) throw gone;
    const expected = Buffer.from(this.mac(m[1], version));
    if (!timingSafeEqual(expected, Buffer.from(m[2]))) throw gone;
    return m[1];
  }

  private url(personId: string, version: number): string {
    return `${this.runtime.config.publicUrl}/api/calendar/${personId}_${this.mac(personId, version)}.ics`;
  }

  private mac(personId: string, version: number): string {
    return createHmac('sha256', this.runtime.jwtSecret).update(`calendar-feed:${personId}:${version}`).digest('hex').slice(0, 32);
  }
}

/** The same text JSON would give a Date, and typed as the wire carries it. */
const iso = (at: Date | string): string => new Date(at).toISOString();
