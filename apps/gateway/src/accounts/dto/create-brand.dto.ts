import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsNotEmpty,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsSupportedCurrency } from '@glimmer/money/money.validators';
import { CURRENCY_CODES } from '@glimmer/money/money';

export class BrandAdminDto {
  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'ada@acme.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200, example: 'a long passphrase' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class CreateBrandDto {
  @ApiProperty({ example: 'Acme Publishing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    enum: CURRENCY_CODES,
    enumName: 'Currency',
    example: 'USD',
    description: 'The brand account currency; fixed once chosen',
  })
  @IsSupportedCurrency()
  currency: string;

  @ApiProperty({
    example: 'finance@acme.example',
    description: 'Receives credit invoices and VOID notices',
  })
  @IsEmail()
  @MaxLength(254)
  financeEmail: string;

  @ApiProperty({ type: BrandAdminDto, description: 'The first brand member, who can sign in' })
  @IsDefined()
  @ValidateNested()
  @Type(() => BrandAdminDto)
  admin: BrandAdminDto;
}

export class BrandDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty()
  financeEmail: string;
}
