import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { RUNTIME, type Runtime } from '../runtime';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { SigninScriptController } from './signin-script.controller';
import { IdentityService } from './identity.service';
import { SessionTokens } from './session-tokens';
import { ScopeCache } from './scope-cache';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { ConcurrentSockets } from '../common/rate-limit/concurrent-sockets';
import { SocketCommands } from '../realtime/socket-commands';
import { SocketGuard } from '../realtime/socket-guard';

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
  controllers: [AuthController, SigninScriptController],
  providers: [IdentityService, SessionTokens, RateLimiter, ConcurrentSockets, SocketGuard, SocketCommands, ScopeCache, AccessGuard, { provide: APP_GUARD, useExisting: AccessGuard }],
  exports: [IdentityService, SessionTokens, AccessGuard, RateLimiter, SocketGuard, SocketCommands, ScopeCache],
})
export class IdentityModule {}
