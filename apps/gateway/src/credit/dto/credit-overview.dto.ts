import { ApiProperty } from '@nestjs/swagger';
import { CostCodeDto } from './cost-code.dto';

export class CreditOverviewDto {
  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ description: 'Total available credit, in minor units' })
  available: number;

  @ApiProperty({ description: 'Total pending credit, in minor units' })
  pending: number;

  @ApiProperty({ type: [CostCodeDto] })
  costCodes: CostCodeDto[];
}
