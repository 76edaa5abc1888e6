import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { DomainError } from '@glimmer/errors/domain-error';
import { Public } from '../auth/auth.decorators';
import { ReadinessIndicators } from './readiness.indicators';

@ApiTags('Operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: ReadinessIndicators,
  ) {}

  /** Up while the process serves HTTP; a failing liveness probe restarts the pod. */
  @Get('live')
  @ApiOkResponse({ description: '{ status: "ok" }' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready when PostgreSQL and RabbitMQ are reachable; otherwise 503 with the failing checks. */
  @Get('ready')
  @ApiOkResponse({ description: 'terminus health check result' })
  @ApiServiceUnavailableResponse({ description: 'dependency_unavailable with `checks`' })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.indicators.database(),
        () => this.indicators.broker(),
      ]);
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const checks = err.getResponse() as HealthCheckResult;
      const down = Object.keys(checks.error ?? {}).join(', ');
      throw new DomainError(
        'dependency_unavailable',
        `Not ready: ${down || 'a dependency'} is down`,
        {
          meta: { checks: checks.details },
        },
      );
    }
  }
}
