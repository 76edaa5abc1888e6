import {
  Controller,
  DynamicModule,
  Get,
  Global,
  Header,
  Module,
  type NestMiddleware,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from 'prom-client';
import { Public } from './public-route';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Seconds buckets for work that takes milliseconds to a few seconds (HTTP, RPC, handlers). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The Prometheus registry of one Nest application. Each application gets its own (not
 * prom-client's global one), so several apps in one process (tests) never register a metric
 * twice; within an app, asking for a metric by a name already registered returns that metric.
 */
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(service?: string, { defaultMetrics = true } = {}) {
    if (service) this.registry.setDefaultLabels({ service });
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
    return (this.existing(config.name) ??
      new Counter({ ...config, registers: [this.registry] })) as Counter<L>;
  }

  gauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
    return (this.existing(config.name) ??
      new Gauge({ ...config, registers: [this.registry] })) as Gauge<L>;
  }

  histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
    return (this.existing(config.name) ??
      new Histogram({ ...config, registers: [this.registry] })) as Histogram<L>;
  }

  private existing(name: string) {
    return this.registry.getSingleMetric(name);
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

@ApiExcludeController()
@Public()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  /** Prometheus text exposition of this process's metrics. */
  @Get('metrics')
  @Header('content-type', PROMETHEUS_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.metrics();
  }
}

/**
 * `/metrics` for one service and the registry every other module records into (global).
 * Default process metrics (`process_*`, `nodejs_*`) included; every series carries `service`.
 */
@Global()
@Module({})
export class MetricsModule {
  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: MetricsRegistry, useFactory: () => new MetricsRegistry(service) }],
      exports: [MetricsRegistry],
    };
  }
}

/**
 * Express middleware timing every HTTP request by its route template (never the raw URL, so
 * ids do not explode the series count): `glimmer_http_request_duration_seconds` and
 * `glimmer_http_request_errors_total` (4xx and 5xx, by status code).
 */
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly errors: Counter<'method' | 'route' | 'status_code'>;

  constructor(metrics: MetricsRegistry) {
    this.duration = metrics.histogram({
      name: 'glimmer_http_request_duration_seconds',
      help: 'HTTP request duration by route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: LATENCY_BUCKETS,
    });
    this.errors = metrics.counter({
      name: 'glimmer_http_request_errors_total',
      help: 'HTTP responses with a 4xx or 5xx status, by route template',
      labelNames: ['method', 'route', 'status_code'],
    });
  }

  readonly use = (req: Request, res: Response, next: NextFunction): void => {
    const stop = this.duration.startTimer();
    res.once('finish', () => {
      const labels = {
        method: req.method,
        route: routeOf(req),
        status_code: String(res.statusCode),
      };
      stop(labels);
      if (res.statusCode >= 400) this.errors.inc(labels);
    });
    next();
  };
}

function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') return `${req.baseUrl ?? ''}${path}` || '/';
  if (req.originalUrl.startsWith('/ops/queues')) return '/ops/queues';
  if (req.originalUrl.startsWith('/docs')) return '/docs';
  return 'unmatched';
}
