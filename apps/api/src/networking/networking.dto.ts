import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { NETWORKING_LIMITS as L, SPEED_LIMITS as S, type ContactAnswer, type DirectoryEntryInput, type NetworkingSettings, type NewContactRequest, type NewSpeedNetworking } from '@podium/contracts';

export class DirectoryEntryDto implements DirectoryEntryInput {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(L.textMaxLength) function?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(L.textMaxLength) organisation?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(L.maxTopics) @IsString({ each: true }) @Length(1, L.topicMaxLength, { each: true }) topics?: string[];
  @ApiProperty({ description: 'Shown only to people whose contact request I accept, or who accept mine' }) @IsString() @Length(1, L.contactMaxLength) contact!: string;
}

export class NewContactRequestDto implements NewContactRequest {
  @ApiProperty() @IsUUID() to!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(L.messageMaxLength) message?: string;
}

export class ContactAnswerDto implements ContactAnswer {
  @ApiProperty() @IsBoolean() accept!: boolean;
}

/** Body of POST /api/conferences/:slug/speed-networking. */
export class NewSpeedNetworkingDto implements NewSpeedNetworking {
  @ApiPropertyOptional({ description: 'the session the rounds belong to (its moderators run them); none: the conference' }) @IsOptional() @IsUUID() sessionId?: string | null;
  @ApiProperty({ minimum: S.minMinutes, maximum: S.maxMinutes }) @IsInt() @Min(S.minMinutes) @Max(S.maxMinutes) minutes!: number;
  @ApiProperty({ minimum: S.minRounds, maximum: S.maxRounds }) @IsInt() @Min(S.minRounds) @Max(S.maxRounds) rounds!: number;
  @ApiPropertyOptional({ description: 'prefer people who share a topic (after people not met yet)' }) @IsOptional() @IsBoolean() byTopic?: boolean;
}

/** Body of POST …/speed-networking/:id/groups/:groupId/share. */
export class SpeedShareDto {
  @ApiProperty({ description: 'true: my contact details for the people of this group who share theirs too' }) @IsBoolean() share!: boolean;
}

/** Body of PUT /api/conferences/:slug/networking-settings. */
export class NetworkingSettingsDto implements NetworkingSettings {
  @ApiProperty({ minimum: S.retentionDaysMin, maximum: S.retentionDaysMax, description: 'days requests, exchanged details and rounds are kept' })
  @IsInt()
  @Min(S.retentionDaysMin)
  @Max(S.retentionDaysMax)
  networkingRetentionDays!: number;
}
