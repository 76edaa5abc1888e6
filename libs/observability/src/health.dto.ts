import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

/** One readiness check's result (terminus's indicator result), keyed by the check's name. */
export class HealthCheckDto {
  @ApiProperty({ enum: ['up', 'down'], enumName: 'HealthCheckStatus' })
  status: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Why a check is down' })
  message?: string;
}

const CHECKS = {
  type: 'object' as const,
  additionalProperties: { $ref: getSchemaPath(HealthCheckDto) },
};

/** Every dependency answered (a failing one makes the answer a 503 problem instead). */
@ApiExtraModels(HealthCheckDto)
export class ReadinessDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiPropertyOptional({ ...CHECKS, description: 'The checks that are up' })
  info?: Record<string, HealthCheckDto>;

  @ApiPropertyOptional({ ...CHECKS, description: 'The checks that are down' })
  error?: Record<string, HealthCheckDto>;

  @ApiProperty({ ...CHECKS, description: 'Every check' })
  details: Record<string, HealthCheckDto>;
}
