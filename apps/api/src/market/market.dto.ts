import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MARKET_LIMITS, type BoothContactRequest, type BoothLink, type NewBooth } from '@podium/contracts';

export class BoothLinkDto implements BoothLink {
  @ApiProperty() @IsString() @Length(1, MARKET_LIMITS.linkLabelMaxLength) label!: string;
  @ApiProperty() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(MARKET_LIMITS.urlMaxLength) url!: string;
}

/** Body of POST /api/conferences/:slug/booths. */
export class NewBoothDto implements NewBooth {
  @ApiProperty() @IsString() @Length(1, MARKET_LIMITS.nameMaxLength) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MARKET_LIMITS.descriptionMaxLength) description?: string;
  @ApiPropertyOptional({ type: [BoothLinkDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MARKET_LIMITS.maxLinks)
  @ValidateNested({ each: true })
  @Type(() => BoothLinkDto)
  links?: BoothLinkDto[];
  @ApiPropertyOptional() @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(MARKET_LIMITS.urlMaxLength) logoUrl?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(MARKET_LIMITS.minCapacity) @Max(MARKET_LIMITS.maxCapacity) capacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(MARKET_LIMITS.maxStaff) @IsUUID('all', { each: true }) staff?: string[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string | null;
}

/** Body of POST …/booths/:boothId/contact: the visitor's own words, only if they want to. */
export class BoothContactDto implements BoothContactRequest {
  @ApiProperty() @IsString() @Length(1, MARKET_LIMITS.contactMaxLength) contact!: string;
}
