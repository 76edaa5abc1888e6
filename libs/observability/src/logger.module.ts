import { DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { CORRELATION_HEADER, currentCorrelationId, sanitizeCorrelationId } from './correlation';

/**
 * Structured JSON logs (pino) for one service: every line names the service and, when there
 * is one, the correlation id of the request, message or job being handled.
 */
@Module({})
export class LoggerModule {
  static forService(
    service: string,
    level: string = process.env.LOG_LEVEL ?? 'info',
  ): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRoot({
          pinoHttp: {
            level,
            base: { service },
            messageKey: 'msg',
            mixin: () => {
              const correlationId = currentCorrelationId();
              return correlationId ? { correlationId } : {};
            },
            genReqId: (req: IncomingMessage) =>
              sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID(),
            autoLogging: {
              ignore: (req: IncomingMessage) =>
                !!req.url?.startsWith('/health') || req.url === '/metrics',
            },
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["glimmer-signature"]',
            ],
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                // The queue board accepts an access token once as ?token=: never log it.
                url: req.url.replace(/([?&]token=)[^&]*/g, '$1[redacted]'),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
