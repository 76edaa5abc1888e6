import { rpcContract } from '../contract';
import { ActorRequest } from '../validation';
import type { CostCodeView } from './cost-code.messages';

export interface CreditOverview {
  currency: string;
  available: number;
  pending: number;
  costCodes: CostCodeView[];
}

export class GetCreditOverviewRequest extends ActorRequest {}

export const GetCreditOverviewRpc = rpcContract<GetCreditOverviewRequest, CreditOverview>(
  'credit',
  'credit.overview.get.v1',
  GetCreditOverviewRequest,
);
