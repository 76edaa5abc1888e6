import { Badge } from '@mantine/core';
import type { Offer } from './offers-api';

const STATUS: Record<Offer['status'], { label: string; color: string }> = {
  sent: { label: 'Sent', color: 'blue' },
  accepted: { label: 'Accepted', color: 'green' },
  declined: { label: 'Declined', color: 'red' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
  expired: { label: 'Expired', color: 'orange' },
};

export function OfferStatusBadge({ status }: { status: Offer['status'] }) {
  return (
    <Badge color={STATUS[status].color} variant="dot">
      {STATUS[status].label}
    </Badge>
  );
}
