import { ApiProperty, OmitType } from '@nestjs/swagger';
import { CreateTransferRequest } from '@glimmer/contracts/credit/transfer.messages';

/**
 * Move available credit to an existing (`toCostCodeId`) or new (`toCostCode`) cost code: the
 * contract's request without the actor (the session's) and the key (the Idempotency-Key header).
 */
export class CreateTransferDto extends OmitType(CreateTransferRequest, [
  'actor',
  'idempotencyKey',
] as const) {}

export class TransferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  amount: number;

  @ApiProperty()
  currency: string;

  @ApiProperty({ format: 'uuid' })
  fromCostCodeId: string;

  @ApiProperty({ format: 'uuid' })
  toCostCodeId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
