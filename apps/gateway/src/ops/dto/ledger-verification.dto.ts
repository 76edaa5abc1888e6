import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  LedgerCurrencyTotals,
  LedgerMismatch,
  LedgerVerification,
} from '@glimmer/contracts/credit/ledger.messages';

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

export class LedgerCurrencyTotalsDto implements LedgerCurrencyTotals {
  @ApiProperty({ description: 'ISO 4217', example: 'USD' })
  currency: string;
  @ApiProperty({
    description:
      'Available credit over every brand in this currency: minor units, decimal text (exact past 2^53)',
    example: '250000',
  })
  available: string;
  @ApiProperty({
    description: 'Pending credit over every brand in this currency: minor units, decimal text',
    example: '0',
  })
  pending: string;
}

/**
 * The proof of the whole ledger: balanced transactions, balances equal to their entries; and
 * when the gateway got the answer, so a screen can say how old the proof it shows is.
 */
export class LedgerVerificationDto implements LedgerVerification {
  @ApiProperty({ description: 'True when no mismatch was found' })
  ok: boolean;
  @ApiProperty({ type: 'integer' })
  checkedTransactions: number;
  @ApiProperty({ type: 'integer' })
  checkedEntries: number;
  @ApiProperty({ type: 'integer', description: 'Cost codes checked' })
  costCodes: number;
  @ApiProperty({ type: [LedgerCurrencyTotalsDto], description: 'One row per currency' })
  totals: LedgerCurrencyTotalsDto[];
  @ApiProperty({ type: [LedgerMismatchDto] })
  mismatches: LedgerMismatchDto[];
  @ApiProperty({ format: 'date-time', description: 'When the check finished' })
  checkedAt: string;
}
