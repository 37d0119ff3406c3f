import { DynamicModule, Global, Module } from '@nestjs/common';
import { RUNTIME, type Runtime } from './runtime';

@Global()
@Module({})
export class RuntimeModule {
  static with(runtime: Runtime): DynamicModule {
    return { module: RuntimeModule, providers: [{ provide: RUNTIME, useValue: runtime }], exports: [RUNTIME] };
  }
}
