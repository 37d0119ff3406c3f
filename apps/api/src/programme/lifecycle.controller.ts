import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, type LifecycleAnswer } from '@podium/contracts';
import type { ModeratorAction } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { MinutesDto } from './dto/session.dto';
import { LifecycleService, type LifecycleResult } from './lifecycle.service';
import { ProgrammeReads } from './programme-reads.service';
import { isForced } from './sessions.controller';
import { sessionView } from './views';

/** Moderators run their session: start now, extend, end now, announce a delay; organisers cancel and reinstate. */
@ApiTags('programme')
@Controller('api/sessions/:id')
export class LifecycleController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly reads: ProgrammeReads,
  ) {}

  @Post('start')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Go live now (idempotent)' })
  start(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<LifecycleAnswer> {
    return this.act(id, { type: 'start-now' }, access);
  }

  @Post('end')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'End now (idempotent)' })
  end(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<LifecycleAnswer> {
    return this.act(id, { type: 'end-now' }, access);
  }

  @Post('extend')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Extend by whole minutes (409 if it runs into another session, unless force)' })
  extend(@Param('id') id: string, @Body() body: MinutesDto, @Query('force') force: string | undefined, @CurrentAccess() access: AccessContext): Promise<LifecycleAnswer> {
    if (body.minutes < 1) throw new DomainError('VALIDATION', 'minutes: extend by at least 1 minute', { field: 'minutes' });
    return this.act(id, { type: 'extend', minutes: body.minutes }, access, isForced(force) || body.force === true);
  }

  @Post('delay')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Running N minutes late: shifts the shown times of this and the following sessions in the room that day (0 undoes it)' })
  async delay(@Param('id') id: string, @Body() body: MinutesDto, @CurrentAccess() access: AccessContext): Promise<LifecycleAnswer> {
    return this.answer(await this.lifecycle.delay(access.conferenceId!, id, body.minutes, access.principal?.personId));
  }

  @Post('cancel')
  @HttpCode(200)
  @Access.to('conference.manage', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Cancel (stays in the programme, marked cancelled)' })
  cancel(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<LifecycleAnswer> {
    return this.act(id, { type: 'cancel' }, access);
  }

  @Post('reinstate')
  @HttpCode(200)
  @Access.to('conference.manage', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Undo a cancellation' })
  reinstate(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<LifecycleAnswer> {
    return this.act(id, { type: 'reinstate' }, access);
  }

  private async act(id: string, action: ModeratorAction, access: AccessContext, force = false): Promise<LifecycleAnswer> {
    return this.answer(await this.lifecycle.act(access.conferenceId!, id, action, { force, by: access.principal?.personId }));
  }

  private answer(result: LifecycleResult): LifecycleAnswer {
    const ctx = this.reads.context(result.programme);
    return { session: sessionView(result.session, ctx), changed: result.changed.map((s) => sessionView(s, ctx)), conflicts: result.conflicts };
  }
}
