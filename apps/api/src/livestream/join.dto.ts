import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** Body of POST /api/sessions/:id/join (optional; unknown fields are refused by the global pipe). */
export class JoinSessionDto {
  @ApiPropertyOptional({ enum: ['stage', 'backstage'], default: 'stage' })
  @IsOptional()
  @IsIn(['stage', 'backstage'])
  room?: 'stage' | 'backstage';

  @ApiPropertyOptional({ enum: ['production-desk'], description: 'Join as the hall production desk (organisers and moderators)' })
  @IsOptional()
  @IsIn(['production-desk'])
  as?: 'production-desk';
}
