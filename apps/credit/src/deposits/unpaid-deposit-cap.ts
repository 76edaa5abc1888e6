import type { EntityManager } from '@mikro-orm/postgresql';
import { lockIdempotencyName } from '@glimmer/database/idempotent-command';
import { DomainError } from '@glimmer/errors/domain-error';
import type { DepositRepository } from './deposit.repository';

/**
 * A deposit needs no money up front and mails a credit invoice to the brand's finance contact,
 * so a brand may have at most `limit` unpaid ones (pending, funds not confirmed) at once; paying
 * or deleting one frees a place. Checked in the deposit's own transaction under a per-brand
 * advisory lock, so concurrent deposits of one brand cannot both take the last place. Credit
 * owns it because credit owns the deposits: the count is one indexed query here.
 */
/** The per-brand lock the count is taken under (a group commit takes it up front). */
export function unpaidDepositsLock(brandId: string): string {
  return `credit:unpaid-deposits:${brandId}`;
}

export async function assertUnpaidDepositRoom(
  em: EntityManager,
  deposits: DepositRepository,
  brandId: string,
  limit: number,
): Promise<void> {
  await lockIdempotencyName(em, unpaidDepositsLock(brandId));
  const unpaid = await deposits.countUnpaid(em, brandId);
  if (unpaid >= limit) {
    throw new DomainError(
      'pending_deposit_limit_reached',
      `the brand has ${unpaid} unpaid credit invoices, the most it may have; pay or delete one first`,
      { meta: { unpaid, limit } },
    );
  }
}
