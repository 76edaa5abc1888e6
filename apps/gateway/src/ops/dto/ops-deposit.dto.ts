import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { ListDepositsForOpsRequest } from '@glimmer/contracts/credit/deposit.messages';
import { PageQueryDto } from '../../credit/dto/cost-code.dto';
import { DepositDto } from '../../credit/dto/deposit.dto';

/** The page query and the contract's ListDepositsForOpsRequest filters. */
export class OpsDepositQueryDto extends IntersectionType(
  PageQueryDto,
  PickType(ListDepositsForOpsRequest, ['status', 'olderThanMinutes'] as const),
) {}

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
