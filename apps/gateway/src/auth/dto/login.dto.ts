import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
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

  @ApiProperty({
    description:
      'Trade it at POST /v1/auth/refresh for a new access token (and a new refresh token: each is used once)',
  })
  refreshToken: string;

  @ApiProperty({ format: 'date-time', description: 'The session ends then: log in again' })
  refreshExpiresAt: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password the account has now' })
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200, example: 'a new long passphrase' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class RevokeSessionsDto {
  @ApiProperty({ example: 'ada@creator.example', description: 'The account whose sessions end' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class RevokedSessionsDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ description: 'Sessions that were open and are now revoked' })
  revoked: number;
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
