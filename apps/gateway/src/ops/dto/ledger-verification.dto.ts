import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LedgerMismatch, LedgerVerification } from '@glimmer/contracts/credit/ledger.messages';

/** Every kind the contract names: a record, so a new kind fails to compile until it is listed. */
const KINDS: Record<LedgerMismatch['kind'], true> = {
  unbalanced_transaction: true,
  transaction_without_entries: true,
  account_balance_mismatch: true,
  negative_balance: true,
  currency_mismatch: true,
  pending_deposits_mismatch: true,
};
const LEDGER_MISMATCH_KINDS = Object.keys(KINDS);

export class LedgerMismatchDto implements LedgerMismatch {
  @ApiProperty({ enum: LEDGER_MISMATCH_KINDS, enumName: 'LedgerMismatchKind' })
  kind: LedgerMismatch['kind'];
  @ApiProperty({ description: 'The transaction, account or deposit at fault' })
  id: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Minor units' })
  expected?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Minor units' })
  actual?: number;
  @ApiProperty()
  detail: string;
}

export class LedgerTotalsDto {
  @ApiProperty({ type: 'integer', description: 'Available credit over every brand, minor units' })
  available: number;
  @ApiProperty({ type: 'integer', description: 'Pending credit over every brand, minor units' })
  pending: number;
}

/** The proof of the whole ledger: balanced transactions, balances equal to their entries. */
export class LedgerVerificationDto implements LedgerVerification {
  @ApiProperty({ description: 'True when no mismatch was found' })
  ok: boolean;
  @ApiProperty({ type: 'integer' })
  checkedTransactions: number;
  @ApiProperty({ type: 'integer' })
  checkedEntries: number;
  @ApiProperty({ type: 'integer', description: 'Cost codes checked' })
  costCodes: number;
  @ApiProperty({ type: LedgerTotalsDto })
  totals: LedgerTotalsDto;
  @ApiProperty({ type: [LedgerMismatchDto] })
  mismatches: LedgerMismatchDto[];
}
