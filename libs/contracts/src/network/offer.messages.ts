import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntersectionType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsMinorAmount } from '@glimmer/money/money.validators';
import { rpcContract } from '../contract';
import { Page, PageQuery } from '../page';
import { ActorRequest, COST_CODE_PATTERN, IDEMPOTENCY_KEY_PATTERN } from '../validation';

export const OFFER_STATUSES = ['sent', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const PROJECT_STATUSES = ['active', 'completed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface OfferView {
  id: string;
  brandId: string;
  creatorId: string;
  title: string;
  brief: string;
  fee: number;
  currency: string;
  dueDate: string;
  costCodeId: string;
  storyCode: string;
  status: OfferStatus;
  createdAt: string;
  decidedAt: string | null;
  projectId: string | null;
}

export interface ProjectView {
  id: string;
  offerId: string;
  title: string;
  creatorId: string;
  brandId: string;
  fee: number;
  currency: string;
  costCodeId: string;
  storyCode: string;
  status: ProjectStatus;
  createdAt: string;
  completedByBrandAt: string | null;
  completedByCreatorAt: string | null;
  completedAt: string | null;
  /** Issued by invoicing once the project is completed (the gateway joins it in). */
  invoiceId: string | null;
  /** Known once the payout is scheduled (the gateway joins it in). */
  expectedPaymentDate: string | null;
}

/**
 * The contract of an offer as its parties read it: for an open offer the exact text accepting
 * would sign now (rendered by the same template, so its SHA-256 is the one accepting stores);
 * for an accepted offer the stored signed text. Declined, withdrawn or expired offers have none.
 */
export interface OfferContract {
  templateVersion: string;
  text: string;
  sha256: string;
  /** Set once signed. */
  signedAt: string | null;
  signatureName: string | null;
}

/** One offer with what its page shows: the brand's name and the contract text. */
export interface OfferDetail extends OfferView {
  brandName: string;
  contract: OfferContract | null;
}

export interface AcceptedOffer {
  offer: OfferView;
  contract: { id: string; sha256: string; signedAt: string; templateVersion: string };
  project: { id: string; status: ProjectStatus };
}

/** Story code: the brand's label for the story the work is for, like a cost code. */
export const STORY_CODE_PATTERN = COST_CODE_PATTERN;

export class OfferInput {
  @ApiProperty({ format: 'uuid', description: 'An in-network creator' })
  @IsUUID()
  creatorId: string;

  @ApiProperty({ example: 'Spring campaign photos' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '12 edited photos of the spring collection' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  brief: string;

  @ApiProperty({ description: "Minor units, in the brand's currency", example: 150000 })
  @IsMinorAmount()
  fee: number;

  /** The deadline (a calendar date, YYYY-MM-DD); the offer cannot be accepted after it. */
  @ApiProperty({ format: 'date', example: '2027-04-30', description: 'Deadline; today or later' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date, YYYY-MM-DD' })
  dueDate: string;

  @ApiProperty({ format: 'uuid', description: "One of the brand's cost codes" })
  @IsUUID()
  costCodeId: string;

  @ApiProperty({ example: 'SPRING-27' })
  @IsString()
  @Matches(STORY_CODE_PATTERN, {
    message: 'storyCode must be 1-40 letters, digits or . _ - /, starting with a letter or digit',
  })
  storyCode: string;
}

export class CreateOfferRequest extends IntersectionType(ActorRequest, OfferInput) {
  /** The request's Idempotency-Key: a retry with the same key and body replays the first result. */
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey?: string;
}

export class OfferIdRequest extends ActorRequest {
  @IsUUID()
  offerId: string;
}

export class AcceptOfferRequest extends OfferIdRequest {
  @ApiProperty({ example: 'Ada Lens', description: 'The typed name that e-signs the contract' })
  @IsString()
  @Matches(/\S/, { message: 'signatureName must not be empty' })
  @MaxLength(200)
  signatureName: string;

  /**
   * The SHA-256 of the contract text the creator read (GetOffer's `contract.sha256`). When given
   * and the text would now differ (the brand or creator was renamed since), nothing is signed:
   * 409 contract_changed, so a signature always covers exactly the text that was shown.
   */
  @ApiPropertyOptional({
    description:
      'SHA-256 of the contract text the creator read (GET /v1/offers/:id contract.sha256); if the text changed since, 409 contract_changed and nothing is signed',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'contractSha256 must be 64 lower-case hex digits' })
  contractSha256?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  ip?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  userAgent?: string;
}

/** The scheduler's call once an offer's due date has passed: a system call, no actor. */
export class ExpireOfferRequest {
  @IsUUID()
  offerId: string;
}

/** The scheduler's offer sweep: at most `limit` offers due to expire (the rest come next run). */
export class DueOffersRequest {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit: number;
}

/** A still-`sent` offer whose due date has passed: its expiry job is due (or was lost). */
export interface DueOffer {
  offerId: string;
  dueDate: string;
}

export class ListOffersRequest extends IntersectionType(ActorRequest, PageQuery) {}

export class ProjectIdRequest extends ActorRequest {
  @IsUUID()
  projectId: string;
}

export class ListProjectsRequest extends IntersectionType(ActorRequest, PageQuery) {}

export const CreateOfferRpc = rpcContract<CreateOfferRequest, OfferView>(
  'creator-network',
  'network.offer.create.v1',
  CreateOfferRequest,
);
export const ListOffersRpc = rpcContract<ListOffersRequest, Page<OfferView>>(
  'creator-network',
  'network.offer.list.v1',
  ListOffersRequest,
);
export const GetOfferRpc = rpcContract<OfferIdRequest, OfferDetail>(
  'creator-network',
  'network.offer.get.v1',
  OfferIdRequest,
);
export const AcceptOfferRpc = rpcContract<AcceptOfferRequest, AcceptedOffer>(
  'creator-network',
  'network.offer.accept.v1',
  AcceptOfferRequest,
);
export const DeclineOfferRpc = rpcContract<OfferIdRequest, OfferView>(
  'creator-network',
  'network.offer.decline.v1',
  OfferIdRequest,
);
export const WithdrawOfferRpc = rpcContract<OfferIdRequest, OfferView>(
  'creator-network',
  'network.offer.withdraw.v1',
  OfferIdRequest,
);
/**
 * Moves a still-`sent` offer whose due date has passed to `expired`. Idempotent: an offer that is
 * already expired, accepted, declined or withdrawn (or not yet past due) is returned unchanged.
 */
export const ExpireOfferRpc = rpcContract<ExpireOfferRequest, OfferView>(
  'creator-network',
  'network.offer.expire.v1',
  ExpireOfferRequest,
);
/**
 * Still-`sent` offers past their due date, oldest due date first: what the scheduler's offer
 * sweep re-queues expiry jobs for, so an expiry lost with Redis is redone. Reads only.
 */
export const DueOffersRpc = rpcContract<DueOffersRequest, { data: DueOffer[] }>(
  'creator-network',
  'network.offer.due.v1',
  DueOffersRequest,
);
export const ListProjectsRpc = rpcContract<ListProjectsRequest, Page<ProjectView>>(
  'creator-network',
  'network.project.list.v1',
  ListProjectsRequest,
);
export const GetProjectRpc = rpcContract<ProjectIdRequest, ProjectView>(
  'creator-network',
  'network.project.get.v1',
  ProjectIdRequest,
);
export const CompleteProjectRpc = rpcContract<ProjectIdRequest, ProjectView>(
  'creator-network',
  'network.project.complete.v1',
  ProjectIdRequest,
);
