import { ApiProperty, OmitType } from '@nestjs/swagger';
import {
  CreateDepositRequest,
  DEPOSIT_STATUSES,
  DepositStatus,
} from '@glimmer/contracts/credit/deposit.messages';

/**
 * Add credit to an existing cost code (`costCodeId`) or to a new one (`costCode`): exactly one.
 * The contract's request without what the gateway supplies (the actor from the session, the key
 * from the Idempotency-Key header).
 */
export class CreateDepositDto extends OmitType(CreateDepositRequest, [
  'actor',
  'idempotencyKey',
] as const) {}

export class DepositDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DEPOSIT_STATUSES, enumName: 'DepositStatus' })
  status: DepositStatus;

  @ApiProperty()
  amount: number;

  @ApiProperty()
  currency: string;

  @ApiProperty({ format: 'uuid' })
  costCodeId: string;

  @ApiProperty({
    format: 'uuid',
    description: "The credit invoice sent to the brand's finance contact",
  })
  creditInvoiceId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  fundsConfirmedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  clearedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  voidedAt: string | null;
}
