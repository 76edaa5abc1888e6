import { Table, Text } from '@mantine/core';
import { Money } from '../components/Money';
import { formatInstant } from '../components/dates';
import type { ProjectInvoice } from './invoice-queries';

/** The credit applied to one invoice, oldest first: which cost code paid how much, and when. */
export function InvoicePayments({
  invoice,
  codeOf,
}: {
  invoice: ProjectInvoice;
  codeOf: (costCodeId: string) => string;
}) {
  if (invoice.payments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No credit applied yet.
      </Text>
    );
  return (
    <Table verticalSpacing={4} fz="sm" aria-label={`Payments on ${invoice.title}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Paid on</Table.Th>
          <Table.Th>Cost code</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoice.payments.map((payment) => (
          <Table.Tr key={payment.id}>
            <Table.Td>{formatInstant(payment.at, 'minute')}</Table.Td>
            <Table.Td>{codeOf(payment.costCodeId)}</Table.Td>
            <Table.Td ta="right">
              <Money amount={payment.amount} currency={invoice.currency} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
