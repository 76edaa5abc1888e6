import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the verification link (`/verify-email?token=`)' })
  @IsString()
  @MaxLength(200)
  token: string;
}

export class EmailVerificationDto {
  @ApiProperty({ example: 'ada@acme.example' })
  email: string;

  @ApiProperty({ description: 'Until true, deposits and invites answer 403 email_not_verified' })
  verified: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt: string | null;
}
