import { formatMoneyText } from '@glimmer/money/money-text';

/** An amount in minor units, shown in its currency (tabular figures so columns line up). */
export function Money({ amount, currency }: { amount: number; currency: string }) {
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoneyText(amount, currency)}</span>
  );
}
