import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { LedgerVerification, VerifyLedgerRpc } from '@glimmer/contracts/credit/ledger.messages';
import { LedgerVerificationService } from './ledger-verification.service';

/** Ops only: the gateway checks the role before it asks. */
@Controller()
export class LedgerHandler {
  constructor(private readonly verification: LedgerVerificationService) {}

  @MessagePattern(VerifyLedgerRpc.pattern)
  verify(): Promise<LedgerVerification> {
    return this.verification.verify();
  }
}
