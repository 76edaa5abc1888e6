import type { CreateDepositRequest } from '@glimmer/contracts/credit/deposit.messages';
import { requireExactlyOne } from '@glimmer/errors/exactly-one';
import { requestHash } from '@glimmer/database/idempotent-command';

/**
 * The hash an Idempotency-Key is bound to: the amount and the destination, however it was
 * named. Validates "exactly one destination" first, so a bad body never claims a key.
 */
export function depositRequestHash(
  req: Pick<CreateDepositRequest, 'amount' | 'costCodeId' | 'costCode'>,
): string {
  requireExactlyOne(req, 'costCodeId', 'costCode');
  return requestHash({
    amount: req.amount,
    to: req.costCodeId ?? { code: req.costCode!.code, name: req.costCode!.name },
  });
}
