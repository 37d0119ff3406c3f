import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Ban, DomainError, type LayoutState, type LockState, type MuteAnswer, type RemovalAnswer, type StageChange, type UnbanAnswer } from '@podium/contracts';
import { allows } from '@podium/identity';
import { Access } from '../identity/access.decorator';
import { IdentityService } from '../identity/identity.service';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { LayoutDto, LockDto, MuteDto, StageDto } from './moderation.dto';
import { StageService } from './stage.service';
import { PeopleRepository } from '../programme/people-repository';

/** What a session's moderators do to its rooms. */
@ApiTags('livestream')
@Controller('api/sessions')
export class ModerationController {
  constructor(
    private readonly stage: StageService,
    private readonly identity: IdentityService,
    private readonly people: PeopleRepository,
  ) {}

  @Post(':id/stage/:personId')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Put a person on stage or take them off (recorded; applied to LiveKit now or by the reconciler)' })
  async setStage(@Param('id') id: string, @Param('personId', new ParseUUIDPipe()) personId: string, @Body() body: StageDto, @CurrentAccess() access: AccessContext): Promise<StageChange> {
    // Onto the stage only people of this conference (a role in it or a place on the session); off it, anyone.
    if (body.onStage) {
      const where = await this.people.tenancy(access.conferenceId!, personId);
      if (!where.belongsHere && !where.platformOrganiser) throw new DomainError('NOT_FOUND', 'No such person in this conference', { personId });
    }
    return this.stage.changeStage(id, personId, body.onStage, access.principal!.personId);
  }

  @Post(':id/participants/:personId/mute')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Mute one published track of a participant' })
  mute(@Param('id') id: string, @Param('personId', new ParseUUIDPipe()) personId: string, @Body() body: MuteDto): Promise<MuteAnswer> {
    return this.stage.mute(id, personId, body.trackSid);
  }

  @Delete(':id/participants/:personId')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Remove a person from the session rooms for good' })
  async remove(@Param('id') id: string, @Param('personId', new ParseUUIDPipe()) personId: string, @CurrentAccess() access: AccessContext): Promise<RemovalAnswer> {
    // Removal points down, never up: a session moderator cannot lock out the people who run the session with them.
    if (allows('session.moderate', await this.identity.rolesFor(personId, access.conferenceId, access.sessionId))) {
      throw new DomainError('FORBIDDEN', 'People who run this session (its moderators and the organisers) cannot be removed from it');
    }
    return this.stage.remove(id, personId, access.principal!.personId);
  }

  @Get(':id/bans')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'People removed from this session for good' })
  bans(@Param('id') id: string): Promise<Ban[]> {
    return this.stage.bans(id);
  }

  @Delete(':id/bans/:personId')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Take a removal back: the person may join again' })
  unban(@Param('id') id: string, @Param('personId', new ParseUUIDPipe()) personId: string, @CurrentAccess() access: AccessContext): Promise<UnbanAnswer> {
    return this.stage.unban(id, personId, access.principal!.personId);
  }

  @Get(':id/lock')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Whether the stage room is locked against new joins' })
  lockState(@Param('id') id: string): Promise<LockState> {
    return this.stage.lockState(id);
  }

  @Post(':id/lock')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Lock or unlock the stage room against new joins (moderators and organisers still get in)' })
  lock(@Param('id') id: string, @Body() body: LockDto, @CurrentAccess() access: AccessContext): Promise<LockState> {
    return this.stage.lock(id, body.locked, access.principal!.personId);
  }

  @Post(':id/layout')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Choose the stage layout every viewer sees (speaker, panel, presentation)' })
  layout(@Param('id') id: string, @Body() body: LayoutDto, @CurrentAccess() access: AccessContext): Promise<LayoutState> {
    return this.stage.setLayout(id, body.layout, access.principal!.personId);
  }
}
