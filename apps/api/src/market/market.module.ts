import { Module } from '@nestjs/common';
import { BoothStore } from './booth-store';
import { BoothsRepository } from './booths-repository';
import { MarketBroadcaster } from './market-broadcaster';
import { MarketController } from './market.controller';
import { MarketGateway } from './market.gateway';
import { MarketService } from './market.service';

/** Markt der Möglichkeiten: booths, their live presence and queue (BoothStore), tokens for their rooms, places pushed on `/market`. */
@Module({ controllers: [MarketController], providers: [BoothsRepository, BoothStore, MarketService, MarketBroadcaster, MarketGateway] })
export class MarketModule {}
