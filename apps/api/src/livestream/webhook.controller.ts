import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Request } from 'express';
import { Access } from '../identity/access.decorator';
import { WebhookService } from './webhook.service';

/** LiveKit calls this; bootstrap keeps the body raw here because the signature covers its bytes. */
@Controller('livekit')
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post('webhook')
  @HttpCode(200)
  @Access.public()
  @ApiExcludeEndpoint()
  async receive(@Req() req: Request, @Headers('authorization') authorization?: string) {
    const event = await this.webhooks.verify(req.body, authorization);
    return { outcome: await this.webhooks.handle(event) };
  }
}
