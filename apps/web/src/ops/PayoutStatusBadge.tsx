import { Badge } from '@mantine/core';
import { OPS_PAYOUT_STATUS, type PayoutStatus } from '../components/payout-status';

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { label, color } = OPS_PAYOUT_STATUS[status];
  return (
    // A dot, not a tinted badge: the label stays dark text, readable whatever the colour.
    <Badge color={color} variant="dot">
      {label}
    </Badge>
  );
}
