import { SetMetadata } from '@nestjs/common';
import type { RateLimitName } from './policies';

export const RATE_LIMIT = 'podium:rate-limit';

/** Puts a route behind one of the RATE_LIMIT_POLICIES; the access guard applies it. */
export const RateLimit = (name: RateLimitName) => SetMetadata(RATE_LIMIT, name);
