import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * A schedule.json document's top level. Only the envelope is checked here; the domain reads
 * `schedule` liberally and refuses a file that is not a schedule with its own clear message.
 */
export class ScheduleImportDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) $schema?: string;
  @ApiPropertyOptional() @IsOptional() @IsObject() generator?: Record<string, unknown>;
  @ApiProperty({ description: 'schedule.version, base_url, conference { days, rooms, ... }' }) @IsOptional() @IsObject() schedule?: Record<string, unknown>;
}
