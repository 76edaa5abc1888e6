import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { QUEUE_BOARD_PATH } from '@glimmer/contracts/scheduler/queue-board';
import { JobsModule } from '../jobs/jobs.module';
import { QueueBoard } from './queue-board';

/** Bull Board on the scheduler's HTTP server (the health port), for the gateway's ops proxy. */
@Module({ imports: [JobsModule] })
export class QueueBoardModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    const base = QUEUE_BOARD_PATH.slice(1);
    consumer
      .apply(QueueBoard)
      .forRoutes(
        { path: base, method: RequestMethod.ALL },
        { path: `${base}/{*rest}`, method: RequestMethod.ALL },
      );
  }
}
