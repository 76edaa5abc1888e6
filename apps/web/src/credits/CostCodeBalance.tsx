import { Text } from '@mantine/core';
import { Money } from '../components/Money';
import type { CostCode } from './credit-queries';

/** "Available $1,000.00 · Pending $250.00": the two balances a person compares before moving credit. */
export function CostCodeBalance({
  costCode,
  size = 'xs',
}: {
  costCode: Pick<CostCode, 'available' | 'pending' | 'currency'>;
  size?: 'xs' | 'sm';
}) {
  return (
    <Text size={size} c="dimmed" component="span">
      Available <Money amount={costCode.available} currency={costCode.currency} /> · Pending{' '}
      <Money amount={costCode.pending} currency={costCode.currency} />
    </Text>
  );
}
