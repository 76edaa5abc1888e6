import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { baseConfigSchema, loadConfig } from '@glimmer/config/config';
import { ConfigModule } from '@glimmer/config/config.module';
import { GlimmerExceptionFilter } from '@glimmer/errors/exception.filter';
import { HealthModule } from '@glimmer/observability/health.module';
import { BrokerRelay } from '@glimmer/testing/broker-relay';
import { eventually } from '@glimmer/testing/eventually';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { AmqpConnection } from './amqp-connection';
import { BrokerReadiness } from './broker.readiness';
import { MessagingModule } from './messaging.module';
import { messagingOptionsFrom } from './messaging.options';

describe('readiness follows the broker (RabbitMQ behind a relay that is stopped and restarted)', () => {
  let env: TestEnv;
  let app: INestApplication;
  let url: string;
  const relay = new BrokerRelay();

  beforeAll(async () => {
    env = await createTestEnv('brokerready');
    await relay.start();
    const config = loadConfig(baseConfigSchema, {
      ...env.env,
      RABBITMQ_URL: `amqp://guest:guest@127.0.0.1:${relay.port}`,
    });
    @Module({
      imports: [
        ConfigModule.forValue(config),
        MessagingModule.forService(messagingOptionsFrom('gateway', config), { database: false }),
        HealthModule.forService({ checks: [BrokerReadiness] }),
      ],
    })
    class ProbeModule {}
    app = await NestFactory.create(ProbeModule, { logger: false });
    app.useGlobalFilters(new GlimmerExceptionFilter());
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await relay.stop();
    await env.destroy();
  });

  it('is ready with the broker up, 503 while it is stopped (still live), ready again after', async () => {
    await eventually(async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200));

    await relay.stop();
    const down = await eventually(async () => {
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      return ready;
    });
    expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await down.json()).toMatchObject({
      code: 'dependency_unavailable',
      checks: { broker: { status: 'down' } },
    });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);

    await relay.start();
    await eventually(async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200), {
      timeoutMs: 20_000,
    });
  });

  it('survives a channel whose setup fails (an unheard error event would crash the process)', async () => {
    let runs = 0;
    const channel = app.get(AmqpConnection).createChannel('probe', async () => {
      runs += 1;
      throw new Error('setup refused');
    });
    await eventually(() => expect(runs).toBeGreaterThanOrEqual(1));
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    await channel.close();
  });
});
