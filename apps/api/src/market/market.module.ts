import { Module } from '@nestjs/common';
import { BoothStore } from './booth-store';
import { MarketBroadcaster } from './market-broadcaster';
import { MarketController } from './market.controller';
import { MarketGateway } from './market.gateway';
import { MarketService } from './market.service';

/** Markt der Möglichkeiten: booths, their live presence and queue (BoothStore), tokens for their rooms, places pushed on `/market`. */
@Module({ controllers: [MarketController], providers: [BoothStore, MarketService, MarketBroadcaster, MarketGateway] })
export class MarketModule {}
