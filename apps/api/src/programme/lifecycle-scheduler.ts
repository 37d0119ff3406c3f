import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dueTransitions, toMs, type DueTransition, type TimeInput } from '@podium/programme';
import { PeriodicSweep } from '../common/periodic-sweep';
import { RUNTIME, type Runtime } from '../runtime';
import { ProgrammeEvents } from './programme-events';
import { PROGRAMME_SETTINGS, type ProgrammeSettings } from './programme-settings';
import { toSession } from './rows';
import { SessionsRepository } from './sessions-repository';

export interface TickResult {
  /** False when another process held the lock (it does the work). */
  ran: boolean;
  applied: Array<DueTransition & { conferenceId: string }>;
}

/**
 * Moves sessions along the lifecycle on time by itself (backstage, live, ended). Each tick runs in
 * a transaction holding `pg_try_advisory_xact_lock`, so concurrent ticks of several api processes
 * do not overlap, and every transition is a compare-and-set on the stored status, so even a tick
 * that ran without the lock could not apply one twice.
 */
@Injectable()
export class LifecycleScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('programme');
  private ticks: PeriodicSweep | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly events: ProgrammeEvents,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(PROGRAMME_SETTINGS) private readonly settings: ProgrammeSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.tickMs <= 0) return;
    // A slow tick is never stacked on itself.
    this.ticks = new PeriodicSweep(this.settings.tickMs, () => this.tick(), (error) => this.logger.warn(`lifecycle tick failed: ${error.message}`));
    this.ticks.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ticks?.stop();
    this.ticks = null;
  }

  /** One pass: apply every due transition once. Tests call it directly with their own `now`. */
  async tick(now: TimeInput = Date.now()): Promise<TickResult> {
    const at = new Date(toMs(now));
    const backstage = this.runtime.config.backstageMinutes;
    const result = await this.db.transaction(async (m) => {
      if (!(await this.sessions.tryTickLock(m))) return { ran: false, applied: [], sessions: [] };
      // Only sessions whose backstage time has come can be due; the rest stay 'scheduled' by time.
      const rows = await this.sessions.maybeDue(m, at, backstage);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const applied: TickResult['applied'] = [];
      const sessions = [];
      for (const t of dueTransitions(rows.map((r) => toSession(r)), at, backstage)) {
        if (!(await this.sessions.moveStatus(m, t.sessionId, t.from, t.to))) continue; // someone else moved it first: nothing to do
        const row = byId.get(t.sessionId)!;
        applied.push({ ...t, conferenceId: row.conference_id });
        sessions.push({ conferenceId: row.conference_id, session: toSession({ ...row, status: t.to }) });
      }
      return { ran: true, applied, sessions };
    });
    for (const t of result.applied) this.logger.log({ msg: 'session status changed', sessionId: t.sessionId, from: t.from, to: t.to, conferenceId: t.conferenceId });
    const byConference = new Map<string, typeof result.sessions>();
    for (const s of result.sessions) byConference.set(s.conferenceId, [...(byConference.get(s.conferenceId) ?? []), s]);
    for (const [conferenceId, list] of byConference) this.events.publish({ type: 'sessions-changed', conferenceId, reason: 'transition', sessions: list.map((s) => s.session) });
    return { ran: result.ran, applied: result.applied };
  }
}
