import { Badge } from '@mantine/core';
import type { components } from '../api/schema';

export type InvoiceStatus = components['schemas']['ProjectInvoiceDto']['status'];

export const INVOICE_STATUS_LABEL: Record<InvoiceStatus, string> = {
  unpaid: 'Unpaid',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  void: 'Void',
};

const COLOR: Record<InvoiceStatus, string> = {
  unpaid: 'orange',
  partially_paid: 'blue',
  paid: 'green',
  void: 'gray',
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return (
    <Badge color={COLOR[status]} variant="dot" tt="none">
      {INVOICE_STATUS_LABEL[status]}
    </Badge>
  );
}
