import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { ConfigModule } from '@glimmer/config/config.module';
import { GlimmerExceptionFilter } from '@glimmer/errors/exception.filter';
import { HealthModule } from './health.module';
import { MetricsModule, MetricsRegistry } from './metrics';
import { RedisReadiness } from './redis.readiness';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function start(
  redisUrl: string,
  service: string,
): Promise<{ app: INestApplication; url: string }> {
  @Module({
    imports: [
      ConfigModule.forValue({ REDIS_URL: redisUrl }),
      HealthModule.forService({ checks: [RedisReadiness] }),
      MetricsModule.forService(service),
    ],
  })
  class ProbeModule {}
  const app = await NestFactory.create(ProbeModule, { logger: false });
  app.useGlobalFilters(new GlimmerExceptionFilter());
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

describe('shared health and metrics modules', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
  });

  it('is ready while its dependency answers', async () => {
    const { app, url } = await start(REDIS_URL, 'probe-up');
    apps.push(app);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      details: { redis: { status: 'up' } },
    });
  });

  it('stays live but answers readiness with a 503 problem while a dependency is down', async () => {
    const { app, url } = await start('redis://127.0.0.1:1', 'probe-down');
    apps.push(app);
    const live = await fetch(`${url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await ready.json()).toMatchObject({
      code: 'dependency_unavailable',
      detail: 'Not ready: redis is down',
      checks: { redis: { status: 'down' } },
    });
  });

  it('keeps one registry per application, so apps in one process never collide', async () => {
    const [a, b] = apps.map((app) => app.get(MetricsRegistry));
    expect(a).not.toBe(b);
    const text = await (await fetch(`${await apps[0].getUrl()}/metrics`)).text();
    expect(text).toContain('process_cpu_user_seconds_total{service="probe-up"}');
    expect(text).not.toContain('probe-down');
  });
});
