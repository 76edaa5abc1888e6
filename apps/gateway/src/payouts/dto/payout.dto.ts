import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import {
  AddPayoutMethodRequest,
  ListAvailablePayoutMethodsRequest,
  PAYOUT_METHOD_TYPES,
  PayoutMethodType,
} from '@glimmer/contracts/payout/payout-method.messages';
import {
  ListMyPayoutsRequest,
  PAYOUT_STATUSES,
  PayoutStatus,
} from '@glimmer/contracts/payout/payout.messages';
import { PasswordConfirmationDto } from '../../auth/password-confirmation';
import { PageQueryDto } from '../../credit/dto/cost-code.dto';

/** `?country=`: the contract's ListAvailablePayoutMethodsRequest. */
export class CountryQueryDto extends PickType(ListAvailablePayoutMethodsRequest, [
  'country',
] as const) {}

export class PayoutFieldPatternDto {
  @ApiProperty({
    example: '^\\d{6}$',
    description:
      'Regular expression (case-insensitive) for the value with spaces and hyphens removed',
  })
  regex: string;
  @ApiProperty({ example: 'must be 6 digits' })
  message: string;
}

export class PayoutMethodFieldDto {
  @ApiProperty({ example: 'iban' })
  name: string;
  @ApiProperty({ example: 'IBAN' })
  label: string;
  @ApiProperty({ description: 'Encrypted at rest and masked in every response' })
  secret: boolean;
  @ApiProperty({ example: 'DE89370400440532013000' })
  example: string;
  @ApiProperty({ description: 'Whether the method needs this field' })
  required: boolean;
  @ApiPropertyOptional({
    type: () => PayoutFieldPatternDto,
    description: 'A shape a form can check before sending; the service checks more',
  })
  pattern?: PayoutFieldPatternDto;
}

export class AvailablePayoutMethodDto {
  @ApiProperty({ enum: PAYOUT_METHOD_TYPES, enumName: 'PayoutMethodType' })
  type: PayoutMethodType;
  @ApiProperty({ example: 'Payoneer' })
  name: string;
  @ApiProperty({ type: [PayoutMethodFieldDto] })
  fields: PayoutMethodFieldDto[];
}

export class AvailablePayoutMethodsDto {
  @ApiProperty({ type: [AvailablePayoutMethodDto] })
  data: AvailablePayoutMethodDto[];
}

/**
 * A new payout method: the contract's AddPayoutMethodRequest fields, plus the account
 * password that re-authenticates the change (checked here, never sent on).
 */
export class AddPayoutMethodDto extends IntersectionType(
  PasswordConfirmationDto,
  PickType(AddPayoutMethodRequest, ['type', 'country', 'details'] as const),
) {}

export class PayoutMethodDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: PAYOUT_METHOD_TYPES, enumName: 'PayoutMethodType' })
  type: PayoutMethodType;
  @ApiProperty()
  name: string;
  @ApiProperty()
  country: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Secret fields masked, e.g. "••••5678"',
  })
  details: Record<string, string>;
  @ApiProperty()
  preferred: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class PayoutMethodListDto {
  @ApiProperty({ type: [PayoutMethodDto] })
  data: PayoutMethodDto[];
}

/** The page query and the contract's ListMyPayoutsRequest (and ListPayoutsForOpsRequest) filter. */
export class PayoutQueryDto extends IntersectionType(
  PageQueryDto,
  PickType(ListMyPayoutsRequest, ['status'] as const),
) {}

export class PayoutDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ format: 'uuid' })
  invoiceId: string;
  @ApiProperty({ format: 'uuid' })
  creatorId: string;
  @ApiProperty()
  amount: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ enum: PAYOUT_STATUSES, enumName: 'PayoutStatus' })
  status: PayoutStatus;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'null: needs a method',
  })
  expectedDate: string | null;
  @ApiProperty({ format: 'date', description: 'The latest day the two-week promise allows' })
  dueBy: string;
  @ApiProperty()
  attempts: number;
  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  payoutMethodId: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  paidAt: string | null;
}

export class PayoutPageDto {
  @ApiProperty({ type: [PayoutDto] })
  data: PayoutDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

const PAYOUT_ATTEMPT_OUTCOMES = ['paid', 'failed'] as const;
type PayoutAttemptOutcome = (typeof PAYOUT_ATTEMPT_OUTCOMES)[number];

export class PayoutAttemptDto {
  @ApiProperty({ type: 'integer', example: 1 })
  attempt: number;
  @ApiProperty({ format: 'date-time' })
  startedAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null: in flight, or no answer yet (the sweep re-drives it)',
  })
  finishedAt: string | null;
  @ApiProperty({
    enum: PAYOUT_ATTEMPT_OUTCOMES,
    enumName: 'PayoutAttemptOutcome',
    nullable: true,
    description: 'null: no answer yet',
  })
  outcome: PayoutAttemptOutcome | null;
  @ApiProperty({ type: String, nullable: true, description: "The provider's reason" })
  error: string | null;
  @ApiProperty({ type: String, nullable: true })
  providerReference: string | null;
}

/** A payout as ops list it: what it is for and when it last changed. */
export class OpsPayoutSummaryDto extends PayoutDto {
  @ApiProperty()
  projectTitle: string;
  @ApiProperty({ format: 'uuid' })
  brandId: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class OpsPayoutDto extends OpsPayoutSummaryDto {
  @ApiProperty({ type: [PayoutAttemptDto], description: 'Every attempt recorded, oldest first' })
  history: PayoutAttemptDto[];
}

export class OpsPayoutPageDto {
  @ApiProperty({ type: [OpsPayoutSummaryDto] })
  data: OpsPayoutSummaryDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export const PROJECT_PAYMENT_STATUSES = [
  'in_progress',
  'awaiting_invoice_payment',
  ...PAYOUT_STATUSES,
] as const;
export type ProjectPaymentStatus = (typeof PROJECT_PAYMENT_STATUSES)[number];

export class NextPaymentDto {
  @ApiProperty({ format: 'date' })
  date: string;
  @ApiProperty()
  amount: number;
  @ApiProperty()
  currency: string;
}

export class DashboardProjectDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  expectedPaymentDate: string | null;
  @ApiProperty({
    enum: PROJECT_PAYMENT_STATUSES,
    enumName: 'ProjectPaymentStatus',
    description:
      'in_progress: not completed by both parties; awaiting_invoice_payment: the brand has not paid yet; otherwise the payout status',
  })
  payoutStatus: ProjectPaymentStatus;
}

export class CreatorDashboardDto {
  @ApiProperty({ type: NextPaymentDto, nullable: true })
  nextPayment: NextPaymentDto | null;
  @ApiProperty({ description: 'Scheduled but not yet paid, minor units' })
  pendingTotal: number;
  @ApiProperty({ description: 'Paid out so far, minor units' })
  paidTotal: number;
  @ApiProperty({ type: String, nullable: true })
  currency: string | null;
  @ApiProperty({ type: [DashboardProjectDto] })
  projects: DashboardProjectDto[];
}
