import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { ForumJoinRequest } from '@podium/contracts';

/** Body of POST /api/sessions/:id/forum/join (optional; unknown fields are refused by the global pipe). */
export class ForumJoinDto implements ForumJoinRequest {
  @ApiPropertyOptional({ description: 'Moderators: the breakout group to visit (g1, g2, …)', example: 'g1' })
  @IsOptional()
  @Matches(/^g[0-9]{1,2}$/, { message: 'group must be a breakout group such as g1' })
  group?: string;
}
