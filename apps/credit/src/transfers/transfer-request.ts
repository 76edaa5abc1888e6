import type { CreateTransferRequest } from '@glimmer/contracts/credit/transfer.messages';
import { requireExactlyOne } from '@glimmer/errors/exactly-one';
import { requestHash } from '@glimmer/database/idempotent-command';

/** The hash an Idempotency-Key is bound to: amount, origin and destination (by id or as new). */
export function transferRequestHash(
  req: Pick<CreateTransferRequest, 'amount' | 'fromCostCodeId' | 'toCostCodeId' | 'toCostCode'>,
): string {
  requireExactlyOne(req, 'toCostCodeId', 'toCostCode');
  return requestHash({
    amount: req.amount,
    from: req.fromCostCodeId,
    to: req.toCostCodeId ?? { code: req.toCostCode!.code, name: req.toCostCode!.name },
  });
}
