import { Global, Module } from '@nestjs/common';
import { EmailVerificationController } from './email-verification.controller';
import { EmailVerificationRepository } from './email-verification.repository';
import { EmailVerificationService } from './email-verification.service';
import { VerifiedEmailGuard } from './verified-email.guard';

/** Brand members' email verification, and the guard every emailing route uses (`@RequireVerifiedEmail()`). */
@Global()
@Module({
  controllers: [EmailVerificationController],
  providers: [EmailVerificationRepository, EmailVerificationService, VerifiedEmailGuard],
  exports: [EmailVerificationRepository, EmailVerificationService, VerifiedEmailGuard],
})
export class EmailVerificationModule {}
