import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { ConferenceWrite, NewConference, NewPerson, NewRoom, NewTrack, PersonWrite, RoomWrite, TrackWrite } from '@podium/contracts';
import { CONFERENCE_FORMATS, LIMITS, ROOM_KINDS, type ConferenceFormat, type RoomKind } from '@podium/programme';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateConferenceDto implements NewConference {
  @ApiProperty({ example: 'buko-2021' }) @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'slug must be lower-case letters, digits and -, at most 63 characters' }) slug: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(LIMITS.title) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.description) description?: string | null;
  @ApiPropertyOptional({ default: 'Europe/Berlin' }) @IsOptional() @IsString() @MaxLength(64) timezone?: string;
  @ApiProperty({ example: '2021-09-20' }) @Matches(DATE, { message: "startDate must be a date 'YYYY-MM-DD'" }) startDate: string;
  @ApiPropertyOptional({ description: 'last day; or give days' }) @IsOptional() @Matches(DATE, { message: "endDate must be a date 'YYYY-MM-DD'" }) endDate?: string;
  @ApiPropertyOptional({ description: 'number of days (instead of endDate)' }) @IsOptional() @IsInt() @Min(1) @Max(LIMITS.conferenceDays) days?: number;
  @ApiPropertyOptional({ enum: CONFERENCE_FORMATS }) @IsOptional() @IsIn(CONFERENCE_FORMATS) format?: ConferenceFormat;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.venue) venue?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allowGuests?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() published?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.url) url?: string | null;
  @ApiPropertyOptional({ example: '04:00', description: "when a conference day ends ('HH:MM' before noon); sessions before it belong to the day before; null or '00:00': midnight" })
  @IsOptional()
  @Matches(/^(0\d|1[01]):[0-5]\d$/, { message: "dayChange must be a time 'HH:MM' before noon, e.g. '04:00'" })
  dayChange?: string | null;
}

/** The slug names the conference in every URL; it does not change. */
export class UpdateConferenceDto extends PartialType(OmitType(CreateConferenceDto, ['slug'] as const)) implements ConferenceWrite {}

export class CreateRoomDto implements NewRoom {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(LIMITS.name) name: string;
  @ApiPropertyOptional({ enum: ROOM_KINDS, default: 'virtual-stage' }) @IsOptional() @IsIn(ROOM_KINDS) kind?: RoomKind;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1_000_000) capacity?: number | null;
  @ApiPropertyOptional({ description: 'minutes the room needs between two sessions' }) @IsOptional() @IsInt() @Min(0) @Max(LIMITS.changeoverMinutes) changeoverMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(-1_000_000) @Max(1_000_000) position?: number;
}

export class UpdateRoomDto extends PartialType(CreateRoomDto) implements RoomWrite {}

export class CreateTrackDto implements NewTrack {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(LIMITS.name) name: string;
  @ApiPropertyOptional({ example: '#1f6feb' }) @IsOptional() @Matches(/^#[0-9a-fA-F]{6}$/, { message: "color must be '#rrggbb'" }) color?: string | null;
}

export class UpdateTrackDto extends PartialType(CreateTrackDto) implements TrackWrite {}

export class CreatePersonDto implements NewPerson {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(LIMITS.name) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.function) function?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.organisation) organisation?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.biography) biography?: string | null;
}

export class UpdatePersonDto extends PartialType(CreatePersonDto) implements PersonWrite {}
