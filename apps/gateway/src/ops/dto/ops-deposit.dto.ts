import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  DEPOSIT_STATUSES,
  DepositStatus,
  MAX_OLDER_THAN_MINUTES,
} from '@glimmer/contracts/credit/deposit.messages';
import { PageQueryDto } from '../../credit/dto/cost-code.dto';
import { DepositDto } from '../../credit/dto/deposit.dto';

export class OpsDepositQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEPOSIT_STATUSES, enumName: 'DepositStatus', example: 'pending' })
  @IsOptional()
  @IsIn(DEPOSIT_STATUSES)
  status?: DepositStatus;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_OLDER_THAN_MINUTES,
    example: 60,
    description: 'Only deposits made at least this many minutes ago',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OLDER_THAN_MINUTES)
  olderThanMinutes?: number;
}

export class DepositCostCodeDto {
  @ApiProperty({ example: 'MKT' })
  code: string;
  @ApiProperty({ example: 'Marketing' })
  name: string;
}

export class OpsDepositDto extends DepositDto {
  @ApiProperty({ format: 'uuid' })
  brandId: string;
  @ApiProperty({ type: DepositCostCodeDto })
  costCode: DepositCostCodeDto;
}

export class OpsDepositPageDto {
  @ApiProperty({ type: [OpsDepositDto] })
  data: OpsDepositDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
