import { Module } from '@nestjs/common';
import { NetworkingController } from './networking.controller';
import { NetworkingService } from './networking.service';

/** Meeting people: the opt-in directory and contact requests. */
@Module({ controllers: [NetworkingController], providers: [NetworkingService] })
export class NetworkingModule {}
