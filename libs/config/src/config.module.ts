import { DynamicModule, Global, Module } from '@nestjs/common';
import { z } from 'zod';
import { CONFIG, loadConfig } from './config';

/** Provides the validated config under the `CONFIG` token, for the whole application. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot<S extends z.ZodTypeAny>(
    schema: S,
    env: NodeJS.ProcessEnv = process.env,
  ): DynamicModule {
    const config = loadConfig(schema, env);
    return ConfigModule.forValue(config);
  }

  /** For a config already loaded (main.ts loads it first to build the other modules). */
  static forValue<T>(config: T): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: CONFIG, useValue: config }],
      exports: [CONFIG],
    };
  }
}
