import { Badge } from '@mantine/core';
import { PAYOUT_STATUS, type PayoutStatus } from './ops-money';

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { label, color } = PAYOUT_STATUS[status];
  return (
    // A dot, not a tinted badge: the label stays dark text, readable whatever the colour.
    <Badge color={color} variant="dot">
      {label}
    </Badge>
  );
}
