import { Injectable } from '@nestjs/common';
import type { ProgrammeChangeReason } from '@podium/contracts';
import type { Session } from '@podium/programme';
import { EventBus } from '../common/event-bus';

/** What the programme services committed: sessions changed (status, times, edits) or removed, or a conference hidden from the public. */
export type ProgrammeEvent =
  | { type: 'sessions-changed'; conferenceId: string; reason: ProgrammeChangeReason; sessions: readonly Session[] }
  | { type: 'sessions-removed'; conferenceId: string; sessionIds: readonly string[] }
  | { type: 'conference-hidden'; conferenceId: string; reason: 'unpublished' | 'deleted' };

/** After-commit programme events; the `/programme` gateway subscribes and pushes them to browsers. */
@Injectable()
export class ProgrammeEvents extends EventBus<ProgrammeEvent> {
  constructor() {
    super('programme-events');
  }
}
