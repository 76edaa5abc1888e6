import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from '@glimmer/observability/health.module';
import { AmqpConnection } from './amqp-connection';

/** The service's RabbitMQ connection is up (it reconnects by itself when it is not). */
@Injectable()
export class BrokerReadiness implements ReadinessCheck {
  readonly name = 'broker';

  constructor(private readonly amqp: AmqpConnection) {}

  check(): Promise<void> {
    return this.amqp.isConnected
      ? Promise.resolve()
      : Promise.reject(new Error('not connected to RabbitMQ'));
  }
}
