import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CHAT_LIMITS, type ChatSettings } from '@podium/contracts';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { ChatRooms } from './chat-rooms';

export class ChatSettingsDto implements ChatSettings {
  @ApiProperty({ minimum: CHAT_LIMITS.retentionDaysMin, maximum: CHAT_LIMITS.retentionDaysMax, description: 'days chat is kept; older messages are deleted' })
  @IsInt()
  @Min(CHAT_LIMITS.retentionDaysMin)
  @Max(CHAT_LIMITS.retentionDaysMax)
  chatRetentionDays: number;
}

/** The organiser's chat settings per conference: how long chat is kept. */
@ApiTags('chat')
@Controller('api/conferences/:slug/chat-settings')
export class ChatController {
  constructor(private readonly rooms: ChatRooms) {}

  @Get()
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'How long the conference keeps its chat' })
  async get(@Param('slug') _slug: string, @CurrentAccess() access: AccessContext): Promise<ChatSettings> {
    return { chatRetentionDays: await this.rooms.retentionDays(access.conferenceId!) };
  }

  @Put()
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Set how long the conference keeps its chat (days); the hourly sweep deletes older messages' })
  async set(@Param('slug') _slug: string, @Body() body: ChatSettingsDto, @CurrentAccess() access: AccessContext): Promise<ChatSettings> {
    await this.rooms.setRetentionDays(access.conferenceId!, body.chatRetentionDays);
    return { chatRetentionDays: body.chatRetentionDays };
  }
}
