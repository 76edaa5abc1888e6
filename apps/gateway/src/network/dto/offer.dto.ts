import { ApiProperty, PickType } from '@nestjs/swagger';
import {
  AcceptOfferRequest,
  OFFER_STATUSES,
  OfferInput,
  OfferStatus,
  PROJECT_STATUSES,
  ProjectStatus,
} from '@glimmer/contracts/network/offer.messages';

/** A brand's offer to a creator: the contract's OfferInput (the key comes from the header). */
export class CreateOfferDto extends PickType(OfferInput, [
  'creatorId',
  'title',
  'brief',
  'fee',
  'dueDate',
  'costCodeId',
  'storyCode',
] as const) {}

export class OfferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  brandId: string;
  @ApiProperty({ format: 'uuid' })
  creatorId: string;
  @ApiProperty()
  title: string;
  @ApiProperty()
  brief: string;
  @ApiProperty()
  fee: number;
  @ApiProperty({ example: 'USD' })
  currency: string;
  @ApiProperty({ format: 'date' })
  dueDate: string;
  @ApiProperty({ format: 'uuid' })
  costCodeId: string;
  @ApiProperty()
  storyCode: string;
  @ApiProperty({ enum: OFFER_STATUSES, enumName: 'OfferStatus' })
  status: OfferStatus;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  projectId: string | null;
}

export class OfferContractDto {
  @ApiProperty({ example: 'commission-v1' })
  templateVersion: string;
  @ApiProperty({
    description:
      'The exact contract text: while the offer is open, what accepting signs now; once accepted, the signed text',
  })
  text: string;
  @ApiProperty({ description: 'SHA-256 (hex) of `text`, UTF-8' })
  sha256: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The typed name that signed it' })
  signatureName: string | null;
}

export class OfferDetailDto extends OfferDto {
  @ApiProperty({ example: 'Acme Studios' })
  brandName: string;
  @ApiProperty({
    type: OfferContractDto,
    nullable: true,
    description: 'null once declined, withdrawn or expired',
  })
  contract: OfferContractDto | null;
}

export class OfferPageDto {
  @ApiProperty({ type: [OfferDto] })
  data: OfferDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

/**
 * The creator's signature: the contract's AcceptOfferRequest without what the gateway supplies
 * (the offer from the path, the actor, and the IP address and user agent of the HTTP request).
 */
export class AcceptOfferDto extends PickType(AcceptOfferRequest, [
  'signatureName',
  'contractSha256',
] as const) {}

export class SignedContractDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the exact contract text signed' })
  sha256: string;
  @ApiProperty({ format: 'date-time' })
  signedAt: string;
  @ApiProperty({ example: 'commission-v1' })
  templateVersion: string;
}

export class ProjectRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' })
  status: ProjectStatus;
}

export class AcceptedOfferDto {
  @ApiProperty({ type: OfferDto })
  offer: OfferDto;
  @ApiProperty({ type: SignedContractDto })
  contract: SignedContractDto;
  @ApiProperty({ type: ProjectRefDto })
  project: ProjectRefDto;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  offerId: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ format: 'uuid' })
  creatorId: string;
  @ApiProperty({ format: 'uuid' })
  brandId: string;
  @ApiProperty()
  fee: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ format: 'uuid' })
  costCodeId: string;
  @ApiProperty()
  storyCode: string;
  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' })
  status: ProjectStatus;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedByBrandAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedByCreatorAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Not issued yet' })
  invoiceId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Not scheduled yet' })
  expectedPaymentDate: string | null;
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectDto] })
  data: ProjectDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
