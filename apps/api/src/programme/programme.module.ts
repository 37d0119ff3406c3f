import { Module } from '@nestjs/common';
import { ConferencesController } from './conferences.controller';

@Module({ controllers: [ConferencesController] })
export class ProgrammeModule {}
