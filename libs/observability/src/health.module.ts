import {
  Controller,
  DynamicModule,
  Get,
  Inject,
  Module,
  ServiceUnavailableException,
  Type,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
  TerminusModule,
} from '@nestjs/terminus';
import { DomainError } from '@glimmer/errors/domain-error';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { LivenessDto, ReadinessDto } from './health.dto';
import { Public } from './public-route';

/**
 * One dependency a replica needs before it should get traffic. `check` resolves when the
 * dependency answers and throws (with a short reason) when it does not; it must be quick and
 * bounded by its own timeout.
 */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

@ApiTags('Operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** Up while the process serves HTTP; a failing liveness probe restarts the pod. */
  @Get('live')
  @ApiOkResponse({ type: LivenessDto })
  @ApiErrors()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready when every dependency of this service answers; otherwise 503 with the failing checks. */
  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  // dependency_unavailable carries `checks`: each check's result.
  @ApiErrors('dependency_unavailable')
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.checks.map((c) => () => this.run(c)));
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const checks = err.getResponse() as HealthCheckResult;
      const down = Object.keys(checks.error ?? {}).join(', ');
      throw new DomainError(
        'dependency_unavailable',
        `Not ready: ${down || 'a dependency'} is down`,
        { meta: { checks: checks.details } },
      );
    }
  }

  private async run(c: ReadinessCheck): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(c.name);
    try {
      await c.check();
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}

/**
 * `/health/live` and `/health/ready` for one service. Each service names the checks that apply
 * to it (PostgreSQL, RabbitMQ, Redis …); a check is an injectable ReadinessCheck class, and
 * `imports` are the modules exporting what a check of the service's own needs.
 */
@Module({})
export class HealthModule {
  static forService({
    checks,
    imports = [],
  }: {
    checks: Type<ReadinessCheck>[];
    imports?: Type[];
  }): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...imports],
      controllers: [HealthController],
      providers: [
        ...checks,
        {
          provide: READINESS_CHECKS,
          useFactory: (...instances: ReadinessCheck[]) => instances,
          inject: checks,
        },
      ],
    };
  }
}
