import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LedgerMismatch } from '@glimmer/contracts/credit/ledger.messages';

const MISMATCH_KINDS: LedgerMismatch['kind'][] = [
  'unbalanced_transaction',
  'transaction_without_entries',
  'account_balance_mismatch',
  'negative_balance',
  'currency_mismatch',
  'pending_deposits_mismatch',
];

export class LedgerMismatchDto {
  @ApiProperty({ enum: MISMATCH_KINDS })
  kind: LedgerMismatch['kind'];
  @ApiProperty({ description: 'The transaction, account or cost code the mismatch is about' })
  id: string;
  @ApiPropertyOptional({ description: 'Minor units' })
  expected?: number;
  @ApiPropertyOptional({ description: 'Minor units' })
  actual?: number;
  @ApiProperty()
  detail: string;
}

export class LedgerTotalsDto {
  @ApiProperty({ description: 'Minor units, summed over currencies' })
  available: number;
  @ApiProperty({ description: 'Minor units, summed over currencies' })
  pending: number;
}

export class LedgerVerificationDto {
  @ApiProperty({ description: 'True when no mismatch was found' })
  ok: boolean;
  @ApiProperty()
  checkedTransactions: number;
  @ApiProperty()
  checkedEntries: number;
  @ApiProperty()
  costCodes: number;
  @ApiProperty({ type: LedgerTotalsDto })
  totals: LedgerTotalsDto;
  @ApiProperty({ type: [LedgerMismatchDto] })
  mismatches: LedgerMismatchDto[];
  @ApiProperty({ format: 'date-time', description: 'When the check finished' })
  checkedAt: string;
}
