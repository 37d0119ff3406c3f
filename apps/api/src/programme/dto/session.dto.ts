import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import type { NewSession, SessionPlacement, SessionWrite } from '@podium/contracts';
import { LIMITS, SESSION_KINDS, type SessionKind } from '@podium/programme';

const TIME = 'an ISO instant with offset (2020-10-25T01:30:00+02:00) or a local time in the conference timezone (2020-10-25T01:30)';

/** A session as organisers write it. Types and sizes here; the domain checks meaning (end after start, known room and people). */
export class CreateSessionDto implements NewSession {
  @ApiProperty({ enum: SESSION_KINDS }) @IsIn(SESSION_KINDS) kind: SessionKind;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(LIMITS.title) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.subtitle) subtitle?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.abstract) abstract?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.description) description?: string | null;
  @ApiPropertyOptional({ example: 'de' }) @IsOptional() @IsString() @MaxLength(35) language?: string;
  @ApiProperty({ description: TIME }) @IsString() @MaxLength(40) start: string;
  @ApiProperty({ description: TIME }) @IsString() @MaxLength(40) end: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() roomId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() trackId?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.peoplePerSession) @IsUUID(undefined, { each: true }) moderators?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.peoplePerSession) @IsUUID(undefined, { each: true }) speakers?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.peoplePerSession) @IsUUID(undefined, { each: true }) interpreters?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.peoplePerSession) @IsUUID(undefined, { each: true }) captioners?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1_000_000) capacity?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() livestream?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() recordingConsent?: boolean;
  @ApiPropertyOptional({ description: 'where the recording can be watched (absolute http(s) URL); in the schedule.json/xml export' })
  @IsOptional() @IsString() @MaxLength(LIMITS.url) recordingUrl?: string | null;
  @ApiPropertyOptional({ description: 'where attendees give feedback (absolute http(s) URL); feedback_url in the exports' })
  @IsOptional() @IsString() @MaxLength(LIMITS.url) feedbackUrl?: string | null;
  @ApiPropertyOptional({ description: 'write even if it creates conflicts (same as ?force=true)' }) @IsOptional() @IsBoolean() force?: boolean;
}

/** Where the writer saw the session (UTC instants as the programme lists them); a moved session refuses the write. */
export class SessionPlacementDto implements SessionPlacement {
  @ApiProperty() @IsISO8601({ strict: true }) @MaxLength(40) start: string;
  @ApiProperty() @IsISO8601({ strict: true }) @MaxLength(40) end: string;
  @ApiProperty({ nullable: true, type: String }) @IsDefined() @ValidateIf((_, v) => v !== null) @IsUUID() roomId: string | null;
}

export class UpdateSessionDto extends PartialType(CreateSessionDto) implements SessionWrite {
  @ApiPropertyOptional({ type: SessionPlacementDto, description: 'optimistic check: refused with 409 STALE_VERSION when the session moved meanwhile' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionPlacementDto)
  expected?: SessionPlacementDto;
}

export class MinutesDto {
  @ApiProperty({ minimum: 0, maximum: LIMITS.delayMinutes }) @IsInt() @Min(0) @Max(LIMITS.delayMinutes) minutes: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() force?: boolean;
}
