import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '@podium/contracts';
import { parseCaptionLine, toPlainText, toSrt, toWebVtt } from '@podium/livestream';
import { Access } from '../identity/access.decorator';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { CaptionStore } from './caption-store';

const FORMATS = {
  vtt: { type: 'text/vtt; charset=utf-8', render: toWebVtt },
  srt: { type: 'application/x-subrip; charset=utf-8', render: toSrt },
  txt: { type: 'text/plain; charset=utf-8', render: toPlainText },
} as const;

/**
 * The live captions' transcript. Viewers get captions from LiveKit (text streams on `lk.transcription`);
 * the sender (captioning console or agent) also posts each final line here, where it is kept.
 */
@ApiTags('livestream')
@Controller('api/sessions')
export class CaptionsController {
  constructor(private readonly captions: CaptionStore) {}

  @Post(':id/captions')
  @HttpCode(200)
  @Access.to('session.caption', { sessionIdParam: 'id' })
  @RateLimit('caption')
  @ApiOperation({ summary: 'Store a final caption line; the same segmentId again corrects it (times stay, revision counts up)' })
  store(@Param('id') id: string, @CurrentAccess() access: AccessContext, @Body() body: unknown) {
    return this.captions.store(id, access.principal!.personId, parseCaptionLine(body));
  }

  @Get(':id/transcript')
  @Access.to('session.attend', { sessionIdParam: 'id' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'vtt', 'srt', 'txt'] })
  @ApiOperation({ summary: "The session's transcript (final caption lines), times relative to the session start: JSON, WebVTT, SRT or text" })
  async transcript(@Param('id') id: string, @Query('format') format: string | undefined, @CurrentAccess() access: AccessContext, @Res({ passthrough: true }) res: Response) {
    // Removed from the session by its moderators: not what was said after, nor before.
    if (await this.captions.isRemoved(id, access.principal!.personId)) throw new DomainError('FORBIDDEN', 'You have been removed from this session by its moderators', { reason: 'removed' });
    if (format !== undefined && format !== 'json' && !(format in FORMATS)) throw new DomainError('VALIDATION', 'format: must be json, vtt, srt or txt', { field: 'format' });
    const transcript = await this.captions.transcript(id);
    if (format === undefined || format === 'json') return transcript;
    const chosen = FORMATS[format as keyof typeof FORMATS];
    // Set only on success, so an error keeps its JSON body's content type.
    res.setHeader('Content-Type', chosen.type);
    res.setHeader('Content-Disposition', `attachment; filename="transcript-${id}.${format}"`);
    return chosen.render(transcript.lines);
  }
}
