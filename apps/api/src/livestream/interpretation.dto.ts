import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import type { LanguagePairBody } from '@podium/contracts';

const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const message = 'must be a language tag like "de", "en-GB" or "gsg"';

/** An interpreter's language pair; a sign language (gsg, ...) as target means the interpreter is seen, not heard. */
export class LanguagePairDto implements LanguagePairBody {
  @ApiProperty({ example: 'de' }) @IsString() @Length(2, 12) @Matches(TAG, { message }) from: string;
  @ApiProperty({ example: 'en' }) @IsString() @Length(2, 12) @Matches(TAG, { message }) to: string;
}
