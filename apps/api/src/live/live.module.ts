import { Global, Module } from '@nestjs/common';
import { SessionDirectory } from './session-directory';
import { SessionDirectoryRepository } from './session-directory-repository';

/** What the live features share: one session directory (and so one cache) per process. */
@Global()
@Module({ providers: [SessionDirectoryRepository, SessionDirectory], exports: [SessionDirectory] })
export class LiveModule {}
