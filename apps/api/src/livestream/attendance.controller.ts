import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Attendance, type AttendanceTimelineBody, DomainError } from '@podium/contracts';
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
  attendance(@Param('id') id: string): Promise<Attendance> {
    return this.presence.attendance(id);
  }

  @Get('sessions/:id/attendance/timeline')
  @Access.to('conference.manage', { sessionIdParam: 'id' })
  @ApiQuery({ name: 'minutes', required: false, description: 'bucket width in whole minutes, 1 to 1440 (default 5)' })
  @ApiOperation({ summary: 'Stage room attendance over time: peak connections and different people per bucket' })
  timeline(@Param('id') id: string, @Query('minutes') minutes: string | undefined): Promise<AttendanceTimelineBody> {
    const width = minutes === undefined ? 5 : Number(minutes);
    if (!/^\d{1,4}$/.test(minutes ?? '5') || width < 1 || width > 1440) throw new DomainError('VALIDATION', 'minutes: must be a whole number from 1 to 1440', { field: 'minutes' });
    return this.presence.timeline(id, width);
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
