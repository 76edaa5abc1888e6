import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { COST_CODE_PATTERN } from '@glimmer/contracts/validation';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@glimmer/contracts/page';

export class NewCostCodeDto {
  @ApiProperty({
    example: 'MKT-2026',
    description: '1-40 letters, digits or . _ - /; unique per brand',
  })
  @IsString()
  @Matches(COST_CODE_PATTERN, {
    message: 'code must be 1-40 letters, digits or . _ - /, starting with a letter or digit',
  })
  code: string;

  @ApiProperty({ example: 'Marketing 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;
}

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

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class CostCodePageDto {
  @ApiProperty({ type: [CostCodeDto] })
  data: CostCodeDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
