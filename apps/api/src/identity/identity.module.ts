import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { RUNTIME, type Runtime } from '../runtime';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { IdentityService } from './identity.service';
import { SessionTokens } from './session-tokens';
import { ScopeCache } from './scope-cache';
import { RateLimiter } from '../common/rate-limit/rate-limiter';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [RUNTIME],
      useFactory: (runtime: Runtime) => ({
        // A prepared key: jsonwebtoken otherwise tries (and fails) to parse a string secret as a public key per call.
        secret: createSecretKey(Buffer.from(runtime.jwtSecret)) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: runtime.config.sessionTtlSeconds, issuer: 'podium' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'podium' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [IdentityService, SessionTokens, RateLimiter, ScopeCache, AccessGuard, { provide: APP_GUARD, useExisting: AccessGuard }],
  exports: [IdentityService, SessionTokens, AccessGuard, RateLimiter, ScopeCache],
})
export class IdentityModule {}
