import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { DEPOSIT_STATUSES, DepositStatus } from '@glimmer/contracts/credit/deposit.messages';
import {
  ListUnmatchedPaymentsRequest,
  PAYMENT_NOTICE_OUTCOMES,
  PAYMENT_RESOLUTIONS,
  PaymentNoticeOutcome,
  PaymentResolution,
  RESOLUTION_NOTE_MAX,
  UNMATCHED_PAYMENT_STATUSES,
  UnmatchedPaymentStatus,
} from '@glimmer/contracts/credit/payment-notice.messages';
import { PageQueryDto } from '../../credit/dto/cost-code.dto';

/** The page query and the contract's ListUnmatchedPaymentsRequest filter. */
export class UnmatchedPaymentQueryDto extends IntersectionType(
  PageQueryDto,
  PickType(ListUnmatchedPaymentsRequest, ['status'] as const),
) {}

const RESOLUTION_HELP =
  '`refunded`: returned to the payer at the payment provider; `credited_manually`: the brand ' +
  'was given the credit by hand (e.g. a new deposit marked paid); `reversed_by_provider`: the ' +
  'provider reversed or never settled it. Recording it moves no money.';

/**
 * Ops record what they did with the money, outside Glimmer. Kept apart from the contract's
 * ResolveUnmatchedPaymentRequest on purpose: the public API's validation messages are written
 * for the person at the ops screen (they list the resolutions, say the note's limit), and the
 * resolutions are documented here; the notice id comes from the path.
 */
export class ResolveUnmatchedPaymentDto {
  @ApiProperty({
    enum: PAYMENT_RESOLUTIONS,
    enumName: 'PaymentResolution',
    description: RESOLUTION_HELP,
  })
  @IsIn(PAYMENT_RESOLUTIONS, {
    message: `resolution must be one of ${PAYMENT_RESOLUTIONS.join(', ')}`,
  })
  resolution: PaymentResolution;

  @ApiProperty({
    maxLength: RESOLUTION_NOTE_MAX,
    example: 'Refunded at the provider, refund re_81Kd2',
    description: 'What was done and where (a refund reference, the new deposit), for the record',
  })
  @IsString()
  @Matches(/\S/, { message: 'note must say what was done' })
  @MaxLength(RESOLUTION_NOTE_MAX, {
    message: `note must be at most ${RESOLUTION_NOTE_MAX} characters`,
  })
  note: string;
}

export class ResolvedByDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;
  @ApiProperty({ type: String, nullable: true, example: 'ops@glimmer.test' })
  email: string | null;
}

export class ExpectedPaymentDto {
  @ApiProperty({ example: 250000 })
  amount: number;
  @ApiProperty({ example: 'USD' })
  currency: string;
}

/**
 * A payment that arrived and cleared nothing: what came, what the deposit expected, and why
 * (`amount_mismatch`, `currency_mismatch`, `deposit_voided` — late funds after a void —,
 * `already_paid` — a second payment). Ops refund it or re-open the credit by hand, then record
 * that here (`status: resolved`).
 */
export class UnmatchedPaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'pay_3P8xQ2' })
  providerReference: string;
  @ApiProperty({ format: 'uuid' })
  creditInvoiceId: string;
  @ApiProperty({ format: 'uuid' })
  depositId: string;
  @ApiProperty({ format: 'uuid' })
  brandId: string;
  @ApiProperty({ description: 'What arrived, minor units', example: 240000 })
  amount: number;
  @ApiProperty({ example: 'USD' })
  currency: string;
  @ApiProperty({ enum: PAYMENT_NOTICE_OUTCOMES, enumName: 'PaymentNoticeOutcome' })
  outcome: PaymentNoticeOutcome;
  @ApiProperty({ type: ExpectedPaymentDto, description: "The deposit's amount and currency" })
  expected: ExpectedPaymentDto;
  @ApiProperty({ enum: DEPOSIT_STATUSES, enumName: 'DepositStatus' })
  depositStatus: DepositStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
  @ApiProperty({ enum: UNMATCHED_PAYMENT_STATUSES, enumName: 'UnmatchedPaymentStatus' })
  status: UnmatchedPaymentStatus;
  @ApiProperty({
    enum: PAYMENT_RESOLUTIONS,
    enumName: 'PaymentResolution',
    nullable: true,
    description: RESOLUTION_HELP,
  })
  resolution: PaymentResolution | null;
  @ApiProperty({ type: String, nullable: true })
  resolutionNote: string | null;
  @ApiProperty({ type: ResolvedByDto, nullable: true })
  resolvedBy: ResolvedByDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;
}

export class UnmatchedPaymentPageDto {
  @ApiProperty({ type: [UnmatchedPaymentDto] })
  data: UnmatchedPaymentDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
