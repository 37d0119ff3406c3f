import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Hands the already-migrated DataSource to every module; its lifetime is the bootstrap's business. */
@Global()
@Module({})
export class DatabaseModule {
  static with(dataSource: DataSource): DynamicModule {
    return { module: DatabaseModule, providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] };
  }
}
