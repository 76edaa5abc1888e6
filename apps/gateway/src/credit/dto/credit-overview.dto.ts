import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { CreditOverviewQuery } from '@glimmer/contracts/credit/overview.messages';
import { CostCodeDto } from './cost-code.dto';

/** `?limit=&cursor=&withCredit=`: the contract's CreditOverviewQuery. */
export class CreditOverviewQueryDto extends PickType(CreditOverviewQuery, [
  'limit',
  'cursor',
  'withCredit',
] as const) {}

export class CreditOverviewDto {
  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ description: 'Total available credit, in minor units' })
  available: number;

  @ApiProperty({ description: 'Total pending credit, in minor units' })
  pending: number;

  @ApiProperty({
    type: [CostCodeDto],
    description: 'By code: every one, or with `limit` or `cursor` one page of them',
  })
  costCodes: CostCodeDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Only when paged: the next page's cursor, null on the last page",
  })
  nextCursor?: string | null;
}
