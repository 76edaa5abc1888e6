import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  OFFER_STATUSES,
  OfferStatus,
  PROJECT_STATUSES,
  ProjectStatus,
  STORY_CODE_PATTERN,
} from '@glimmer/contracts/network/offer.messages';
import { IsMinorAmount } from '@glimmer/money/money.validators';

export class CreateOfferDto {
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

export class AcceptOfferDto {
  @ApiProperty({ example: 'Ada Lens', description: 'The typed name that e-signs the contract' })
  @IsString()
  @Matches(/\S/, { message: 'signatureName must not be empty' })
  @MaxLength(200)
  signatureName: string;

  @ApiPropertyOptional({
    description:
      'SHA-256 of the contract text the creator read (GET /v1/offers/:id contract.sha256); if the text changed since, 409 contract_changed and nothing is signed',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'contractSha256 must be 64 lower-case hex digits' })
  contractSha256?: string;
}

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
