import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { InvitationRequest } from '@podium/contracts';
import { CONFERENCE_ROLES, type ConferenceRole } from '@podium/identity';

export class RedeemInvitationDto {
  @ApiProperty({ description: 'The secret from the sign-in link' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token must be the 43-character secret of a sign-in link' })
  token: string;
}

export class GuestSignInDto {
  @ApiProperty({ example: 'Anna aus Halle' })
  @IsString()
  @Length(1, 80)
  displayName: string;
}

export class CreateInvitationDto implements InvitationRequest {
  @ApiProperty({ example: 'Annette Widmann-Mauz' })
  @IsString()
  @Length(1, 80)
  displayName: string;

  @ApiProperty({ enum: CONFERENCE_ROLES })
  @IsIn(CONFERENCE_ROLES as unknown as string[])
  role: ConferenceRole;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional({ example: 'Staatsministerin' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  function?: string;

  @ApiPropertyOptional({ example: 'Bundesregierung' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  organisation?: string;
}
