import type { DepositSnapshot } from '@glimmer/contracts/credit/deposit.events';
import type {
  DepositView,
  OpsDepositView,
  VoidCreditInvoiceResult,
} from '@glimmer/contracts/credit/deposit.messages';
import { toIso } from '@glimmer/database/sql';
import type { Deposit } from './deposit.entity';

export function toDepositView(d: Deposit): DepositView {
  return {
    id: d.id,
    status: d.status,
    amount: d.amount,
    currency: d.currency.trim(),
    costCodeId: d.costCodeId,
    creditInvoiceId: d.creditInvoiceId,
    createdAt: toIso(d.createdAt)!,
    fundsConfirmedAt: toIso(d.fundsConfirmedAt),
    clearedAt: toIso(d.clearedAt),
    voidedAt: toIso(d.voidedAt),
  };
}

export function toOpsDepositView(d: Deposit): OpsDepositView {
  return {
    ...toDepositView(d),
    brandId: d.brandId,
    costCode: { code: d.costCode, name: d.costCodeName },
  };
}

/** What every deposit event carries: the deposit as it now stands, at its version. */
export function toDepositSnapshot(d: Deposit): DepositSnapshot {
  return {
    depositId: d.id,
    brandId: d.brandId,
    creditInvoiceId: d.creditInvoiceId,
    costCode: { id: d.costCodeId, code: d.costCode, name: d.costCodeName },
    amount: d.amount,
    currency: d.currency.trim(),
    status: d.status,
    version: d.version,
    createdAt: toIso(d.createdAt)!,
    fundsConfirmedAt: toIso(d.fundsConfirmedAt),
    clearedAt: toIso(d.clearedAt),
    voidedAt: toIso(d.voidedAt),
  };
}

export function toVoidResult(d: Deposit): VoidCreditInvoiceResult {
  return {
    id: d.creditInvoiceId,
    status: 'void',
    depositId: d.id,
    pendingCreditRemoved: d.amount,
    currency: d.currency.trim(),
  };
}
