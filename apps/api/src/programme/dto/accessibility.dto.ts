import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { AccessibilityBody } from '@podium/contracts';

/** The whole entry is replaced: a field left out or null is cleared. */
export class AccessibilityDto implements Partial<AccessibilityBody> {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) @Matches(/^https:\/\/[^\s<>"]+$/, { message: 'dgsVideoUrl must be an https URL' }) dgsVideoUrl?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) easyLanguage?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) contact?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) feedback?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'statementDate must be a date YYYY-MM-DD' }) statementDate?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) limitations?: string | null;
}
