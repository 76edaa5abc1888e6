import { Injectable } from '@nestjs/common';
import type { PayoutMethod } from './payout-method.entity';
import { SecretBox } from './secret-box';

/** A method's every field in the clear, for the provider call only: never logged or returned. */
@Injectable()
export class PayoutMethodSecrets {
  constructor(private readonly secrets: SecretBox) {}

  reveal(method: PayoutMethod): Record<string, string> {
    const secret = method.sealed
      ? (JSON.parse(this.secrets.open(method.sealed, method.id)) as Record<string, string>)
      : {};
    return { ...method.details, ...secret };
  }
}
