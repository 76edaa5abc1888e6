import { Controller } from '@nestjs/common';
import { LedgerVerification, VerifyLedgerRpc } from '@glimmer/contracts/credit/ledger.messages';
import { LedgerVerificationService } from './ledger-verification.service';
import { OnRpc } from '@glimmer/messaging/handlers';

/** Ops only: the gateway checks the role before it asks. */
@Controller()
export class LedgerRpc {
  constructor(private readonly verification: LedgerVerificationService) {}

  @OnRpc(VerifyLedgerRpc)
  verify(): Promise<LedgerVerification> {
    return this.verification.verify();
  }
}
