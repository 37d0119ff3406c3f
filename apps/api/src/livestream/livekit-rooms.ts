import { Inject, Injectable, Logger } from '@nestjs/common';
import { RoomServiceClient } from 'livekit-server-sdk';
import { DomainError } from '@podium/contracts';
import { RUNTIME, type Runtime } from '../runtime';
import { liveKitHttpUrl } from './livekit-url';
import { LIVESTREAM_SETTINGS, type LivestreamSettings } from './livestream-settings';

export interface LiveKitTarget {
  /** For browsers and rtc-node. */
  url: string;
  /** For server API calls. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
}

/** How long a successful answer from LiveKit vouches for it. */
const PROBE_FRESH_MS = 1000;

/** LiveKit answered "no such room/participant/track": not an outage. */
export function isNotFound(error: unknown): boolean {
  const e = error as { status?: number; code?: string };
  return e?.status === 404 || e?.code === 'not_found';
}

/**
 * The one door to LiveKit's server API: reads the current connection from the runtime (tests
 * swap it), bounds every call with a timeout, turns outages into UNAVAILABLE and remembers them.
 */
@Injectable()
export class LiveKitRooms {
  private readonly logger = new Logger('livekit');
  private cached: { key: string; client: RoomServiceClient } | null = null;
  /** Last outcome of a server call: joins refuse fast while LiveKit is known to be down. */
  private down: { since: number; reason: string } | null = null;
  private lastOkAt = 0;
  private probing: Promise<void> | null = null;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(LIVESTREAM_SETTINGS) private readonly settings: LivestreamSettings,
  ) {}

  /** The configured server, or UNAVAILABLE saying why media is off. */
  target(): LiveKitTarget {
    const lk = this.runtime.livekit;
    if (!('url' in lk)) throw new DomainError('UNAVAILABLE', `Media is unavailable on this server: ${lk.reason}`, { livekit: lk.status });
    return { url: lk.url, httpUrl: liveKitHttpUrl(lk.serverUrl ?? lk.url), apiKey: lk.apiKey, apiSecret: lk.apiSecret };
  }

  get outage(): { since: number; reason: string } | null {
    return this.down;
  }

  /**
   * Joins with a cached room make no LiveKit call; this makes sure LiveKit answered within the last
   * second (one shared probe of its HTTP port per second at most), so an outage still gives 503.
   */
  async ensureReachable(): Promise<void> {
    if (!this.down && Date.now() - this.lastOkAt < PROBE_FRESH_MS) return;
    this.probing ??= this.probe().finally(() => (this.probing = null));
    return this.probing;
  }

  private async probe(): Promise<void> {
    const t = this.target();
    await this.call('probe', async () => {
      const res = await fetch(t.httpUrl + '/', { signal: AbortSignal.timeout(this.settings.requestTimeoutMs) });
      if (!res.ok) throw new Error(`LiveKit answered ${res.status}`);
    });
  }

  /** Runs one server API call; not-found errors pass through, anything else is an outage. */
  async call<T>(what: string, fn: (client: RoomServiceClient) => Promise<T>): Promise<T> {
    const client = this.client();
    try {
      const result = await fn(client);
      this.lastOkAt = Date.now();
      if (this.down) this.logger.log({ msg: 'LiveKit answers again', after: what, downForMs: Date.now() - this.down.since });
      this.down = null;
      return result;
    } catch (error) {
      if (isNotFound(error)) {
        this.lastOkAt = Date.now();
        this.down = null;
        throw error;
      }
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${this.settings.requestTimeoutMs} ms` : (error as Error).message;
      if (!this.down) this.logger.warn({ msg: 'LiveKit is not answering', call: what, reason });
      this.down = { since: this.down?.since ?? Date.now(), reason };
      throw new DomainError('UNAVAILABLE', `The media server is not answering (${reason}); please try again shortly`, { livekit: 'down', call: what });
    }
  }

  private client(): RoomServiceClient {
    const t = this.target();
    const key = `${t.httpUrl}|${t.apiKey}|${t.apiSecret}`;
    if (this.cached?.key !== key) {
      const options = { requestTimeout: this.settings.requestTimeoutMs / 1000, failover: false };
      this.cached = { key, client: new RoomServiceClient(t.httpUrl, t.apiKey, t.apiSecret, options) };
      this.down = null;
    }
    return this.cached.client;
  }
}
