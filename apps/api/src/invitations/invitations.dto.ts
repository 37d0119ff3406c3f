import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MAIL_BODY_MAX, MAIL_KINDS, MAIL_LANGUAGES, MAIL_SUBJECT_MAX, SENDABLE_MAIL_KINDS, type MailKind, type MailLanguage } from '@podium/identity';

export class ParticipantListDto {
  @ApiProperty({ description: 'The CSV text (UTF-8; `;` or `,`; columns Name, E-Mail, Organisation, Funktion, Rolle, Sprache or their English names)' })
  @IsString()
  @MaxLength(2_000_000)
  csv: string;
}

export class SendMailsDto {
  @ApiPropertyOptional({ enum: SENDABLE_MAIL_KINDS, default: 'invitation' })
  @IsOptional()
  @IsIn(SENDABLE_MAIL_KINDS as unknown as string[])
  kind?: (typeof SENDABLE_MAIL_KINDS)[number];

  @ApiPropertyOptional({ description: 'Only these people (default: everybody on the list)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  personIds?: string[];
}

export class MailTemplateDto {
  @ApiProperty({ enum: MAIL_KINDS })
  @IsIn(MAIL_KINDS as unknown as string[])
  kind: MailKind;

  @ApiProperty({ enum: MAIL_LANGUAGES })
  @IsIn(MAIL_LANGUAGES as unknown as string[])
  language: MailLanguage;

  @ApiProperty({ example: 'Einladung: {{conference}}' })
  @IsString()
  @MaxLength(MAIL_SUBJECT_MAX)
  subject: string;

  @ApiProperty({ example: 'Guten Tag {{name}},\n{{link}}' })
  @IsString()
  @MaxLength(MAIL_BODY_MAX)
  body: string;
}
