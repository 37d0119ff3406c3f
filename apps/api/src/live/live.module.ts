import { Global, Module } from '@nestjs/common';
import { SessionDirectory } from './session-directory';
import { SessionDirectoryRepository } from './session-directory-repository';
import { SessionPeople } from './session-people';
import { SessionPeopleRepository } from './session-people-repository';

/** What the live features share: one session directory (and so one cache) per process, and who a person is in a session. */
@Global()
@Module({
  providers: [SessionDirectoryRepository, SessionDirectory, SessionPeopleRepository, SessionPeople],
  exports: [SessionDirectory, SessionPeople, SessionPeopleRepository],
})
export class LiveModule {}
