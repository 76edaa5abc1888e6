import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { GlimmerExceptionFilter } from '@glimmer/errors/exception.filter';
import { createValidationPipe } from '@glimmer/errors/validation.pipe';
import { AmqpConnection } from '@glimmer/messaging/amqp-connection';
import { AmqpServer } from '@glimmer/messaging/amqp.server';
import { MessagingMetrics } from '@glimmer/messaging/messaging.metrics';

/**
 * Starts a back-end service: its message handlers on the broker and a small HTTP server for
 * health and metrics. SIGTERM stops consuming, lets in-flight messages finish, then closes.
 */
export async function bootstrapService(
  module: DynamicModule,
  httpPort: number,
  subscriptions?: readonly string[],
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GlimmerExceptionFilter());
  // A hybrid app's microservice counts as initialised: it must inherit the pipes and filters.
  app.connectMicroservice(
    {
      strategy: new AmqpServer(app.get(AmqpConnection), subscriptions, app.get(MessagingMetrics)),
    },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  await app.listen(httpPort, '0.0.0.0');
  return app;
}
