import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ERROR_CODES, ErrorCode } from './error-codes';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const ALL_ERROR_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

/** One field at fault, named by its path in the request (`costCode.code`). */
export class FieldErrorDto {
  @ApiProperty({ example: 'costCode.code', description: 'The field’s path in the request' })
  field: string;

  @ApiProperty({ type: [String], example: ['code must be 1-40 letters, digits or . _ - /'] })
  messages: string[];
}

/**
 * RFC 9457 problem details, as every error is answered (`application/problem+json`). Besides
 * the standard members, a code may add facts a client can act on (extension members); the ones
 * Glimmer sends are listed, and the document marks the schema open (additionalProperties).
 */
export class ProblemDto {
  @ApiProperty({
    format: 'uri',
    example: 'https://glimmer.dev/problems/insufficient-available-credit',
    description: 'Stable per code',
  })
  type: string;

  @ApiProperty({ example: 'Not enough available credit', description: 'Stable per code' })
  title: string;

  @ApiProperty({ type: 'integer', example: 409, description: 'The HTTP status' })
  status: number;

  @ApiProperty({ description: 'What went wrong this time, for people' })
  detail: string;

  @ApiProperty({
    enum: ALL_ERROR_CODES,
    enumName: 'ErrorCode',
    description: 'What to branch on; never renamed',
  })
  code: ErrorCode;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'validation_failed: each field' })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ example: '/v1/credit/transfers', description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'internal: quote it to support' })
  errorId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'insufficient_available_credit: the available credit, minor units',
  })
  available?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'insufficient_available_credit, amount_exceeds_due: the amount asked for',
  })
  requested?: number;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'insufficient_available_credit: the cost code short of credit',
  })
  costCodeId?: string | null;

  @ApiPropertyOptional({ type: 'integer', description: 'amount_exceeds_due: the amount due' })
  amountDue?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'amount_exceeds_due: the part of the amount due held by payments in progress',
  })
  reserved?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'amount_exceeds_due: what may be paid now (amount due less reserved)',
  })
  payable?: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'cost_code_not_attached: the cost codes that may pay the invoice',
  })
  attachedCostCodeIds?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'credit_invoice_already_paid, deposit_already_cleared: the deposit',
  })
  depositId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'dependency_unavailable from /health/ready: each check’s result',
  })
  checks?: Record<string, unknown>;
}

/**
 * Documents the errors a route answers: one `application/problem+json` response per status,
 * its `code` narrowed to the given codes (statuses come from ERROR_CODES). `internal` (500) is
 * always added: any route can fail unexpectedly.
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set<ErrorCode>([...codes, 'internal'])) {
    const { status } = ERROR_CODES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses = [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, list]) =>
      ApiResponse({
        status,
        description: list.map((code) => `\`${code}\`: ${ERROR_CODES[code].title}`).join('; '),
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: {
              allOf: [
                { $ref: getSchemaPath(ProblemDto) },
                {
                  type: 'object',
                  required: ['code', 'status'],
                  properties: {
                    code: { type: 'string', enum: list },
                    status: { type: 'integer', enum: [status] },
                  },
                },
              ],
            },
          },
        },
      }),
    );
  return applyDecorators(ApiExtraModels(ProblemDto), ...responses);
}
