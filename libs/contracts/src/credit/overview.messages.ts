import { IntersectionType } from '@nestjs/mapped-types';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { rpcContract } from '../contract';
import { PageQuery } from '../page';
import { ActorRequest } from '../validation';
import type { CostCodeView } from './cost-code.messages';

export interface CreditOverview {
  currency: string;
  available: number;
  pending: number;
  costCodes: CostCodeView[];
  /** Only on a paged overview (`limit` or `cursor` asked): the next page's cursor, or null. */
  nextCursor?: string | null;
}

/**
 * The overview's cost codes: every one by code (the public contract), or — with `limit` or
 * `cursor` — a page of them by code, so the Credits page does not read a brand's every code.
 */
export class CreditOverviewQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Only cost codes that carry credit (available or pending above zero)',
  })
  @IsOptional()
  // A query string says "true" or "false"; anything else stays as it is and is refused.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  withCredit?: boolean;
}

export class GetCreditOverviewRequest extends IntersectionType(ActorRequest, CreditOverviewQuery) {}

export const GetCreditOverviewRpc = rpcContract<GetCreditOverviewRequest, CreditOverview>(
  'credit',
  'credit.overview.get.v1',
  GetCreditOverviewRequest,
);
