import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { GlimmerExceptionFilter } from '@glimmer/errors/exception.filter';
import { createValidationPipe } from '@glimmer/errors/validation.pipe';
import { HttpMetricsMiddleware, MetricsRegistry } from '@glimmer/observability/metrics';
import { GatewayModule } from '../gateway.module';
import type { GatewayConfig } from '../gateway.config';
import { QUEUE_BOARD_PATH, QueueBoard } from '../ops/queue-board';
import { bodyErrorHandler, jsonBody, requireJsonBody } from './body-parsing';
import { HttpDrain } from './http-drain';
import { assignCorrelationId, runInCorrelation } from './correlation';
import { setupOpenApi } from './openapi';
import { securityHeaders } from './security-headers';
import { webApp, webAppDir } from './web-app';

/**
 * The gateway, fully configured but not listening: main.ts and the integration tests start
 * exactly this. Order matters: the shutdown drain (it sees every response), security headers (helmet's defaults), correlation id, request metrics, the queue board (its own
 * authentication, then a proxy to the scheduler's Bull Board that streams the body), content type, JSON parsing and its errors, then the
 * correlation context, the web app's pages and assets, then Nest's own middleware, guards,
 * interceptors and routes.
 */
export async function createGatewayApp(config: GatewayConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.use(app.get(HttpDrain).middleware);
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(securityHeaders);
  app.use(assignCorrelationId);
  app.use(new HttpMetricsMiddleware(app.get(MetricsRegistry)).use);
  app.use(cookieParser());
  app.use(QUEUE_BOARD_PATH, app.get(QueueBoard).handler);
  app.use(requireJsonBody);
  app.use(jsonBody);
  app.use(bodyErrorHandler);
  app.use(runInCorrelation);
  app.use(webApp(webAppDir(config.WEB_DIST_DIR)));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GlimmerExceptionFilter());
  setupOpenApi(app);
  return app;
}

export async function startGateway(
  config: GatewayConfig,
  port = config.PORT,
): Promise<NestExpressApplication> {
  const app = await createGatewayApp(config);
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_MS;
  // Node's rule: a request's headers may take no longer than the connection may idle.
  server.headersTimeout = config.HTTP_KEEP_ALIVE_MS + 1_000;
  await app.listen(port, '0.0.0.0');
  return app;
}
