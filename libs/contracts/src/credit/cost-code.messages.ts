import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { rpcContract } from '../contract';
import { Page, PageQuery } from '../page';
import { ActorRequest, COST_CODE_PATTERN } from '../validation';
import { IntersectionType } from '@nestjs/mapped-types';

export interface CostCodeView {
  id: string;
  code: string;
  name: string;
  currency: string;
  /** Credit that can be spent or transferred, in minor units. */
  available: number;
  /** Credit whose funds have not cleared yet, in minor units. */
  pending: number;
  createdAt: string;
}

/** A cost code to create, on its own or on the fly while adding or transferring credit. */
export class NewCostCode {
  @ApiProperty({
    example: 'MKT-2026',
    description: '1-40 letters, digits or . _ - /; unique per brand',
  })
  @IsString()
  @Matches(COST_CODE_PATTERN, {
    message: 'code must be 1-40 letters, digits or . _ - /, starting with a letter or digit',
  })
  code: string;

  @ApiProperty({ example: 'Marketing 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;
}

export class CreateCostCodeRequest extends IntersectionType(ActorRequest, NewCostCode) {}

export class GetCostCodeRequest extends ActorRequest {
  @IsUUID()
  costCodeId: string;
}

export class ListCostCodesRequest extends IntersectionType(ActorRequest, PageQuery) {}

export const CreateCostCodeRpc = rpcContract<CreateCostCodeRequest, CostCodeView>(
  'credit',
  'credit.cost-code.create.v1',
  CreateCostCodeRequest,
);
export const GetCostCodeRpc = rpcContract<GetCostCodeRequest, CostCodeView>(
  'credit',
  'credit.cost-code.get.v1',
  GetCostCodeRequest,
);
export const ListCostCodesRpc = rpcContract<ListCostCodesRequest, Page<CostCodeView>>(
  'credit',
  'credit.cost-code.list.v1',
  ListCostCodesRequest,
);
