import { Global, Module } from '@nestjs/common';
import { AttendanceController } from './attendance.controller';
import { CaptionStore } from './caption-store';
import { CaptionsController } from './captions.controller';
import { CaptionsRepository } from './captions-repository';
import { InterpretationController } from './interpretation.controller';
import { InterpretersRepository } from './interpreters-repository';
import { JoinController } from './join.controller';
import { JoinService } from './join.service';
import { JoinSnapshots } from './join-snapshots';
import { LiveKitRooms } from './livekit-rooms';
import { RUNTIME, type Runtime } from '../runtime';
import { LIVESTREAM_SETTINGS, livestreamSettingsFrom } from './livestream-settings';
import { ModerationController } from './moderation.controller';
import { PeopleRepository } from '../programme/people-repository';
import { PresenceRepository } from './presence-repository';
import { PresenceService } from './presence.service';
import { StageReconciler } from './reconciler';
import { RoomDirectory } from './room-directory';
import { RoomLocks } from './room-locks';
import { StageControl } from './stage-control';
import { StageRepository } from './stage-repository';
import { StageService } from './stage.service';
import { WebhookController } from './webhook.controller';
import { WebhookEventsRepository } from './webhook-events-repository';
import { WebhookService } from './webhook.service';

/** Livestreams through LiveKit: join tokens, stage control, reconciliation, webhooks, attendance. Global so the fishbowl can inject StageControl. */
@Global()
@Module({
  controllers: [JoinController, ModerationController, AttendanceController, WebhookController, CaptionsController, InterpretationController],
  providers: [
    InterpretersRepository,
    { provide: LIVESTREAM_SETTINGS, inject: [RUNTIME], useFactory: (runtime: Runtime) => livestreamSettingsFrom(runtime.config) },
    LiveKitRooms,
    RoomDirectory,
    RoomLocks,
    PeopleRepository, // stateless SQL: who may be put on a stage (importing ProgrammeModule would reorder module setup)
    StageRepository,
    PresenceRepository,
    CaptionsRepository,
    WebhookEventsRepository,
    PresenceService,
    StageReconciler,
    StageService,
    { provide: StageControl, useExisting: StageService },
    JoinSnapshots,
    JoinService,
    WebhookService,
    CaptionStore,
  ],
  exports: [StageControl, StageService, StageReconciler, LiveKitRooms, CaptionStore],
})
export class LivestreamModule {}
