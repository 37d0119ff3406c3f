import { Module } from '@nestjs/common';
import { BoothStore } from './booth-store';
import { MarketController } from './market.controller';
import { MarketService } from './market.service';

/** Markt der Möglichkeiten: booths, their live presence and queue (BoothStore), tokens for their rooms. */
@Module({ controllers: [MarketController], providers: [BoothStore, MarketService] })
export class MarketModule {}
