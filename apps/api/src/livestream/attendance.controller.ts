import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator';
import { LiveKitRooms } from './livekit-rooms';
import { PresenceService } from './presence.service';
import { StageReconciler } from './reconciler';

/** What organisers see of the livestream: attendance per session, and the reconciler's counters. */
@ApiTags('livestream')
@Controller('api')
export class AttendanceController {
  constructor(
    private readonly presence: PresenceService,
    private readonly reconciler: StageReconciler,
    private readonly livekit: LiveKitRooms,
  ) {}

  @Get('sessions/:id/attendance')
  @Access.to('conference.manage', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Live count, peak and total unique attendees of the stage room (from LiveKit webhooks and reconciliation)' })
  attendance(@Param('id') id: string) {
    return this.presence.attendance(id);
  }

  @Get('livestream/status')
  @Access.to('platform.manage')
  @ApiOperation({ summary: 'LiveKit reachability as last seen, and the stage reconciler counters' })
  status() {
    const outage = this.livekit.outage;
    return {
      livekit: outage ? { status: 'down', since: new Date(outage.since).toISOString(), reason: outage.reason } : { status: 'up' },
      reconciler: this.reconciler.stats,
    };
  }
}
