import { Badge } from '@mantine/core';
import { PAYOUT_STATUS, type PayoutStatus } from './ops-money';

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { label, color } = PAYOUT_STATUS[status];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}
