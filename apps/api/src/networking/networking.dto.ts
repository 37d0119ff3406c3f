import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { NETWORKING_LIMITS as L, type ContactAnswer, type DirectoryEntryInput, type NewContactRequest } from '@podium/contracts';

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
