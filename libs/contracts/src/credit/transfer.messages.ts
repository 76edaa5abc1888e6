import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsMinorAmount } from '@glimmer/money/money.validators';
import { rpcContract } from '../contract';
import { ActorRequest, IDEMPOTENCY_KEY_PATTERN } from '../validation';
import { NewCostCode } from './cost-code.messages';

export interface TransferView {
  id: string;
  amount: number;
  currency: string;
  fromCostCodeId: string;
  toCostCodeId: string;
  createdAt: string;
}

/** Move available credit between two of a brand's cost codes; the destination may be new. */
export class CreateTransferRequest extends ActorRequest {
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey: string;

  @ApiProperty({
    description: 'Minor units (cents), > 0; only available credit moves',
    example: 10000,
  })
  @IsMinorAmount()
  amount: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fromCostCodeId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  toCostCodeId?: string;

  @ApiPropertyOptional({ type: () => NewCostCode })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewCostCode)
  toCostCode?: NewCostCode;
}

export const CreateTransferRpc = rpcContract<CreateTransferRequest, TransferView>(
  'credit',
  'credit.transfer.create.v1',
  CreateTransferRequest,
);
