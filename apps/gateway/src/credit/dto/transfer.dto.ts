import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsMinorAmount } from '@glimmer/money/money.validators';
import { NewCostCodeDto } from './cost-code.dto';

/** Move available credit to an existing (`toCostCodeId`) or new (`toCostCode`) cost code. */
export class CreateTransferDto {
  @ApiProperty({
    description: 'Minor units (cents), > 0; only available credit moves',
    example: 10000,
  })
  @IsMinorAmount()
  amount: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fromCostCodeId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  toCostCodeId?: string;

  @ApiPropertyOptional({ type: NewCostCodeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewCostCodeDto)
  toCostCode?: NewCostCodeDto;
}

export class TransferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  amount: number;

  @ApiProperty()
  currency: string;

  @ApiProperty({ format: 'uuid' })
  fromCostCodeId: string;

  @ApiProperty({ format: 'uuid' })
  toCostCodeId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
