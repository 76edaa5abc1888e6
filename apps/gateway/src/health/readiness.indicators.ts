import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { MikroORM } from '@mikro-orm/postgresql';
import { AmqpConnection } from '@glimmer/messaging/amqp-connection';

const DB_TIMEOUT_MS = 1_500;

/** PostgreSQL answers a trivial query in time, and the broker connection is up. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly orm: MikroORM,
    private readonly amqp: AmqpConnection,
  ) {}

  async database(): Promise<HealthIndicatorResult<'database'>> {
    const check = this.health.check('database');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.orm.em.fork().execute('select 1'),
        new Promise(
          (_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), DB_TIMEOUT_MS)),
        ),
      ]);
      return check.up();
    } catch (err) {
      return check.down({ message: (err as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }

  broker(): HealthIndicatorResult<'broker'> {
    const check = this.health.check('broker');
    return this.amqp.isConnected
      ? check.up()
      : check.down({ message: 'not connected to RabbitMQ' });
  }
}
