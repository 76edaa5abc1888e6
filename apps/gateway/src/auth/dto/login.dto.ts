import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { ROLES, Role } from '@glimmer/contracts/actor';

export class LoginDto {
  @ApiProperty({ example: 'ada@acme.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;
}

export class AccessTokenDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires' })
  expiresIn: number;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  brandId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  creatorId?: string;

  @ApiPropertyOptional({ description: "The brand account's currency" })
  currency?: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;
}
