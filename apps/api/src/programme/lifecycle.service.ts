import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@podium/contracts';
import {
  applyDelay,
  applyModeratorAction,
  assertNoConflicts,
  checkSessionWrite,
  type Conflict,
  type ModeratorAction,
  type Programme,
  type Session,
} from '@podium/programme';
import { RUNTIME, type Runtime } from '../runtime';
import { ProgrammeEvents } from './programme-events';
import { SessionWrites } from './session-writes.service';
import { SessionsRepository } from './sessions-repository';

export interface LifecycleResult {
  programme: Programme;
  session: Session;
  /** Every session whose status or times changed (the delayed followers too). */
  changed: Session[];
  conflicts: Conflict[];
}

/** Moderator actions on a running programme: start, extend, end, cancel, and running late. */
@Injectable()
export class LifecycleService {
  private readonly logger = new Logger('programme');

  constructor(
    private readonly writes: SessionWrites,
    private readonly sessions: SessionsRepository,
    private readonly events: ProgrammeEvents,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async act(conferenceId: string, sessionId: string, action: ModeratorAction, options: { force?: boolean; by?: string } = {}): Promise<LifecycleResult> {
    const result = await this.writes.locked(conferenceId, async (m, programme) => {
      const session = find(programme, sessionId);
      const next = applyModeratorAction(session, action, Date.now(), this.runtime.config.backstageMinutes);
      // An extension can run into the next session in the room or a person's next session.
      const conflicts = action.type === 'extend' ? checkSessionWrite(programme, next) : [];
      assertNoConflicts(conflicts, { force: options.force });
      if (next !== session) await this.writes.save(m, next);
      return { programme, session: next, changed: next !== session ? [next] : [], conflicts };
    });
    this.report(conferenceId, 'moderator', result, `${action.type}${options.by ? ` by ${options.by}` : ''}`);
    return result;
  }

  /** "Running N minutes late": this session and the later ones in its room that day are shown later. */
  async delay(conferenceId: string, sessionId: string, minutes: number, by?: string): Promise<LifecycleResult> {
    const result = await this.writes.locked(conferenceId, async (m, programme) => {
      const session = find(programme, sessionId);
      const room = session.roomId ? programme.sessions.filter((s) => s.roomId === session.roomId) : [session];
      const changed = applyDelay(room, sessionId, minutes, { timeZone: programme.conference.timezone, dayChange: programme.conference.dayChange });
      for (const s of changed) await this.sessions.setDelay(m, s.id, s.delayMinutes);
      const updated = changed.find((s) => s.id === sessionId) ?? session;
      return { programme, session: updated, changed, conflicts: [] };
    });
    this.report(conferenceId, 'delay', result, `delay ${minutes} min${by ? ` by ${by}` : ''}`);
    return result;
  }

  private report(conferenceId: string, reason: 'moderator' | 'delay', result: LifecycleResult, what: string): void {
    for (const s of result.changed) this.logger.log({ msg: 'session changed', what, sessionId: s.id, status: s.status, delayMinutes: s.delayMinutes, end: s.end });
    this.events.publish({ type: 'sessions-changed', conferenceId, reason, sessions: result.changed });
  }
}

function find(programme: Programme, sessionId: string): Session {
  const session = programme.sessions.find((s) => s.id === sessionId);
  if (!session) throw new DomainError('NOT_FOUND', 'No such session');
  return session;
}
