import { ApiProperty, PickType } from '@nestjs/swagger';
import { PageQuery } from '@glimmer/contracts/page';

export class CostCodeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ description: 'Spendable and transferable credit, in minor units' })
  available: number;

  @ApiProperty({ description: 'Credit whose funds have not cleared yet, in minor units' })
  pending: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/**
 * `?limit=&cursor=`: the contract's PageQuery as is (its OpenAPI metadata is on the contract).
 * A new cost code's body is the contract's NewCostCode itself (schema `NewCostCode`, also
 * nested in deposits and transfers).
 */
export class PageQueryDto extends PickType(PageQuery, ['limit', 'cursor'] as const) {}

export class CostCodePageDto {
  @ApiProperty({ type: [CostCodeDto] })
  data: CostCodeDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
