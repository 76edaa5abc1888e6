import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toAmount } from '@glimmer/database/sql';

export interface CreditTotals {
  available: number;
  pending: number;
}

/**
 * A brand's available and pending totals without reading its cost codes, so they cost the same
 * at 10 codes and at 100,000. SQL on purpose, from two ledger facts the ledger check proves:
 *
 * - every journal transaction sums to zero and stays within one brand, so the brand's accounts
 *   sum to zero: the codes' available + pending = −(funding + settlement), two rows of
 *   `ledger_account_system_key` (its predicate, `cost_code_id is null`, is in the query);
 * - each code's pending balance equals its pending deposits, so pending = their sum
 *   (`deposit_brand_pending_idx`).
 *
 * One statement, so both come from one snapshot.
 */
@Injectable()
export class CreditTotalsRepository {
  async of(em: EntityManager, brandId: string, currency: string): Promise<CreditTotals> {
    const [row] = await em.execute<{ pending: string; counterparts: string }[]>(
      `select
         (select coalesce(sum(d.amount), 0) from deposit d
           where d.brand_id = ? and d.status = 'pending' and d.currency = ?) as pending,
         (select coalesce(sum(l.balance), 0) from ledger_account l
           where l.brand_id = ? and l.cost_code_id is null and l.kind in ('funding', 'settlement')
             and l.currency = ?)
           as counterparts`,
      [brandId, currency, brandId, currency],
    );
    const pending = toAmount(row.pending);
    // 0 − …: a brand with no credit gets 0, not −0.
    return { available: 0 - toAmount(row.counterparts) - pending, pending };
  }
}
