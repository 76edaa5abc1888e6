import { Global, Module } from '@nestjs/common';
import { EmailVerificationController } from './email-verification.controller';
import { EmailVerificationRepository } from './email-verification.repository';
import { GetEmailVerificationStatus } from './email-verification-status.use-case';
import { ResendVerificationEmail } from './resend-verification-email.use-case';
import { SendVerificationEmail } from './send-verification-email.use-case';
import { VerifyEmail } from './verify-email.use-case';
import { VerifiedEmailGuard } from './verified-email.guard';

/** Brand members' email verification, and the guard every emailing route uses (`@RequireVerifiedEmail()`). */
@Global()
@Module({
  controllers: [EmailVerificationController],
  providers: [
    EmailVerificationRepository,
    SendVerificationEmail,
    ResendVerificationEmail,
    VerifyEmail,
    GetEmailVerificationStatus,
    VerifiedEmailGuard,
  ],
  exports: [EmailVerificationRepository, SendVerificationEmail, VerifiedEmailGuard],
})
export class EmailVerificationModule {}
