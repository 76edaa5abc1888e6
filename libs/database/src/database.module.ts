import { DynamicModule, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { databaseOptions, ServiceDatabase } from './database.options';

/**
 * MikroORM for one service. No request context is registered: every handler, job and HTTP
 * route works in its own `em.fork()` (or `@CreateRequestContext()`), so no EntityManager is
 * shared between concurrent pieces of work. MikroORM's module is global: `MikroORM` and
 * `EntityManager` are injectable everywhere in the service.
 */
@Module({})
export class DatabaseModule {
  static forService(db: ServiceDatabase): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [MikroOrmModule.forRoot({ ...databaseOptions(db), registerRequestContext: false })],
    };
  }
}
