import { Module } from '@nestjs/common';
import { BookmarksController } from './bookmarks.controller';
import { BookmarksRepository } from './bookmarks-repository';
import { CalendarController } from './calendar.controller';
import { CalendarFeeds } from './calendar-feeds.service';
import { CalendarFeedsRepository } from './calendar-feeds-repository';
import { ConferencesController } from './conferences.controller';
import { ConferencesRepository } from './conferences-repository';
import { ExchangeController } from './exchange.controller';
import { LifecycleController } from './lifecycle.controller';
import { LifecycleScheduler } from './lifecycle-scheduler';
import { LifecycleService } from './lifecycle.service';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people-repository';
import { ProgrammeController } from './programme.controller';
import { ProgrammeEvents } from './programme-events';
import { ProgrammeGateway } from './programme.gateway';
import { ProgrammeReads } from './programme-reads.service';
import { RUNTIME, type Runtime } from '../runtime';
import { PROGRAMME_SETTINGS, programmeSettingsFrom } from './programme-settings';
import { ProgrammeStore } from './programme-store';
import { RegistrationController } from './registration.controller';
import { Registrations } from './registrations.service';
import { RegistrationsRepository } from './registrations-repository';
import { AccessibilityController } from './accessibility.controller';
import { AccessibilityRepository } from './accessibility-repository';
import { RoomsController } from './rooms.controller';
import { RoomsRepository } from './rooms-repository';
import { SessionWrites } from './session-writes.service';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions-repository';
import { TracksController } from './tracks.controller';
import { TracksRepository } from './tracks-repository';

/** The programme edge: CRUD, conflicts, lifecycle scheduler, moderator actions, bookmarks, calendars, schedule.json. */
@Module({
  controllers: [
    // Import first: 'POST api/conferences/import' must not be read as a conference slug by anything later.
    ExchangeController,
    ConferencesController,
    RoomsController,
    TracksController,
    PeopleController,
    SessionsController,
    ProgrammeController,
    LifecycleController,
    RegistrationController,
    BookmarksController,
    CalendarController,
    AccessibilityController,
  ],
  providers: [
    AccessibilityRepository,
    { provide: PROGRAMME_SETTINGS, inject: [RUNTIME], useFactory: (runtime: Runtime) => programmeSettingsFrom(runtime.config) },
    ConferencesRepository,
    RoomsRepository,
    TracksRepository,
    PeopleRepository,
    SessionsRepository,
    BookmarksRepository,
    RegistrationsRepository,
    CalendarFeedsRepository,
    ProgrammeStore,
    ProgrammeReads,
    ProgrammeEvents,
    ProgrammeGateway,
    SessionWrites,
    LifecycleService,
    LifecycleScheduler,
    Registrations,
    CalendarFeeds,
  ],
  exports: [ProgrammeStore, LifecycleScheduler],
})
export class ProgrammeModule {}
