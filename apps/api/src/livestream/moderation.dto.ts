import { ApiProperty } from '@nestjs/swagger';
import { STAGE_LAYOUTS, type StageLayout } from '@podium/contracts';
import { IsBoolean, IsIn, IsString, Length } from 'class-validator';

export class StageDto {
  @ApiProperty() @IsBoolean() onStage: boolean;
}

export class MuteDto {
  @ApiProperty({ description: 'sid of the published track (TR_...)' }) @IsString() @Length(1, 64) trackSid: string;
}

export class LockDto {
  @ApiProperty() @IsBoolean() locked: boolean;
}

export class LayoutDto {
  @ApiProperty({ enum: STAGE_LAYOUTS }) @IsIn(STAGE_LAYOUTS) layout: StageLayout;
}
