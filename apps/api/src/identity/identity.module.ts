import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { RUNTIME, type Runtime } from '../runtime';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { IdentityService } from './identity.service';
import { SessionTokens } from './session-tokens';
import { RateLimiter } from '../common/rate-limit/rate-limiter';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [RUNTIME],
      useFactory: (runtime: Runtime) => ({
        secret: runtime.jwtSecret,
        signOptions: { algorithm: 'HS256', expiresIn: runtime.config.sessionTtlSeconds, issuer: 'podium' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'podium' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [IdentityService, SessionTokens, RateLimiter, AccessGuard, { provide: APP_GUARD, useExisting: AccessGuard }],
  exports: [IdentityService, SessionTokens, AccessGuard, RateLimiter],
})
export class IdentityModule {}
