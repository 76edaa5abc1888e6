import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { DEPOSIT_STATUSES, DepositStatus } from '@glimmer/contracts/credit/deposit.messages';
import { IsMinorAmount } from '@glimmer/money/money.validators';
import { NewCostCodeDto } from './cost-code.dto';

/** Add credit to an existing cost code (`costCodeId`) or to a new one (`costCode`): exactly one. */
export class CreateDepositDto {
  @ApiProperty({ description: 'Minor units (cents), > 0', example: 250000 })
  @IsMinorAmount()
  amount: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The destination cost code' })
  @IsOptional()
  @IsUUID()
  costCodeId?: string;

  @ApiPropertyOptional({
    type: NewCostCodeDto,
    description: 'A destination cost code to create on the fly',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewCostCodeDto)
  costCode?: NewCostCodeDto;
}

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
