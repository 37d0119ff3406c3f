import { Module } from '@nestjs/common';
import { CallRooms } from './call-rooms';
import { ContactCalls } from './contact-calls';
import { NETWORKING_CLOCK } from './networking-clock';
import { ContactRequestsRepository } from './contact-requests-repository';
import { DirectoryRepository } from './directory-repository';
import { NetworkingRetentionRepository } from './networking-retention-repository';
import { NetworkingRetention } from './networking-retention';
import { NetworkingController } from './networking.controller';
import { NetworkingService } from './networking.service';
import { SpeedNetworkingController } from './speed-networking.controller';
import { SpeedNetworkingService } from './speed-networking.service';
import { SpeedRepository } from './speed-repository';

/** Meeting people: the opt-in directory, contact requests and their calls, speed networking, retention. */
@Module({
  controllers: [NetworkingController, SpeedNetworkingController],
  providers: [{ provide: NETWORKING_CLOCK, useValue: () => Date.now() }, NetworkingService, DirectoryRepository, ContactRequestsRepository, NetworkingRetentionRepository, CallRooms, ContactCalls, SpeedRepository, SpeedNetworkingService, NetworkingRetention],
  exports: [NetworkingRetention],
})
export class NetworkingModule {}
