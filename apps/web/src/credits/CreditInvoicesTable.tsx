import { ActionIcon, Badge, Button, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { formatMoneyText } from '@glimmer/money/money-text';
import { Money } from '../components/Money';
import { ScrollableTable } from '../components/ScrollableTable';
import type { CreditInvoice } from './credit-queries';

const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
export const formatDate = (iso: string | null) => (iso ? DATE.format(new Date(iso)) : '—');

const STATUS_BADGE: Record<CreditInvoice['status'], { color: string; label: string }> = {
  unpaid: { color: 'orange', label: 'Unpaid' },
  paid: { color: 'teal', label: 'Paid' },
  void: { color: 'gray', label: 'Void' },
};

/**
 * One list of credit invoices (paid or unpaid). Only an unpaid one can be deleted: `onDelete`
 * adds the delete icon to each row.
 */
export function CreditInvoicesTable({
  invoices,
  labelledBy,
  empty,
  costCodeName,
  onDelete,
  hasMore,
  onShowMore,
  loadingMore,
}: {
  invoices: CreditInvoice[];
  /** The id of the section heading that names this table. */
  labelledBy: string;
  empty: string;
  costCodeName: (invoice: CreditInvoice) => string | undefined;
  onDelete?: (invoice: CreditInvoice) => void;
  hasMore: boolean;
  onShowMore: () => void;
  loadingMore: boolean;
}) {
  if (!invoices.length)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  const paidColumn = invoices.some((i) => i.paidAt);
  return (
    <>
      <ScrollableTable minWidth={560} labelledBy={labelledBy}>
        <Table verticalSpacing="sm" highlightOnHover aria-labelledby={labelledBy}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Issued</Table.Th>
              {paidColumn && <Table.Th scope="col">Paid</Table.Th>}
              <Table.Th scope="col">Cost code</Table.Th>
              <Table.Th scope="col" ta="right">
                Amount
              </Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              {onDelete && (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.map((invoice) => {
              const badge = STATUS_BADGE[invoice.status];
              const name = costCodeName(invoice);
              const deleteLabel = `Delete credit invoice for ${formatMoneyText(invoice.amount, invoice.currency)} to ${invoice.costCode}, issued ${formatDate(invoice.issuedAt)}`;
              return (
                <Table.Tr key={invoice.id}>
                  <Table.Td>{formatDate(invoice.issuedAt)}</Table.Td>
                  {paidColumn && <Table.Td>{formatDate(invoice.paidAt)}</Table.Td>}
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {invoice.costCode}
                    </Text>
                    {name && (
                      <Text size="xs" c="dimmed">
                        {name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money amount={invoice.amount} currency={invoice.currency} />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={badge.color} variant="light">
                      {badge.label}
                    </Badge>
                  </Table.Td>
                  {onDelete && (
                    <Table.Td ta="right">
                      <Tooltip label="Delete credit invoice" withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={deleteLabel}
                          onClick={() => onDelete(invoice)}
                        >
                          <IconTrash size={18} aria-hidden="true" />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollableTable>
      {hasMore && (
        <Button variant="subtle" onClick={onShowMore} loading={loadingMore}>
          Show more
        </Button>
      )}
    </>
  );
}
