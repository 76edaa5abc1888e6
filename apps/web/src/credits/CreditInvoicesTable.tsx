import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { formatMoneyText } from '@glimmer/money/money-text';
import { formatInstant } from '../components/dates';
import { Money } from '../components/Money';
import type { CreditInvoice } from './credit-queries';

const STATUS_BADGE: Record<CreditInvoice['status'], { color: string; label: string }> = {
  unpaid: { color: 'orange', label: 'Unpaid' },
  paid: { color: 'teal', label: 'Paid' },
  void: { color: 'gray', label: 'Void' },
};

interface InvoiceListProps {
  invoices: CreditInvoice[];
  /** The id of the section heading that names this list. */
  labelledBy: string;
  costCodeName: (invoice: CreditInvoice) => string | undefined;
  /** Adds the delete icon to each row: only an unpaid credit invoice can be deleted. */
  onDelete?: (invoice: CreditInvoice) => void;
}

function StatusBadge({ invoice }: { invoice: CreditInvoice }) {
  const badge = STATUS_BADGE[invoice.status];
  return (
    <Badge color={badge.color} variant="light">
      {badge.label}
    </Badge>
  );
}

function DeleteButton({
  invoice,
  onDelete,
}: {
  invoice: CreditInvoice;
  onDelete: (invoice: CreditInvoice) => void;
}) {
  const label = `Delete credit invoice for ${formatMoneyText(invoice.amount, invoice.currency)} to ${invoice.costCode}, issued ${formatInstant(invoice.issuedAt)}`;
  return (
    <Tooltip label="Delete credit invoice" withArrow>
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={() => onDelete(invoice)}>
        <IconTrash size={18} aria-hidden="true" />
      </ActionIcon>
    </Tooltip>
  );
}

/** From `sm` up: one row per invoice. */
function InvoiceTable({ invoices, labelledBy, costCodeName, onDelete }: InvoiceListProps) {
  const paidColumn = invoices.some((i) => i.paidAt);
  return (
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
          const name = costCodeName(invoice);
          return (
            <Table.Tr key={invoice.id}>
              <Table.Td>{formatInstant(invoice.issuedAt)}</Table.Td>
              {paidColumn && <Table.Td>{formatInstant(invoice.paidAt)}</Table.Td>}
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
                <StatusBadge invoice={invoice} />
              </Table.Td>
              {onDelete && (
                <Table.Td ta="right">
                  <DeleteButton invoice={invoice} onDelete={onDelete} />
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** On a phone: one card per invoice, nothing to scroll sideways. */
function InvoiceCards({ invoices, labelledBy, costCodeName, onDelete }: InvoiceListProps) {
  return (
    <Stack
      gap="xs"
      component="ul"
      aria-labelledby={labelledBy}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {invoices.map((invoice) => (
        <Paper component="li" withBorder p="sm" radius="md" key={invoice.id}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600}>
                <Money amount={invoice.amount} currency={invoice.currency} />
              </Text>
              <Text size="sm">
                {invoice.costCode}
                {costCodeName(invoice) ? ` — ${costCodeName(invoice)}` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                Issued {formatInstant(invoice.issuedAt)}
                {invoice.paidAt ? ` · Paid ${formatInstant(invoice.paidAt)}` : ''}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <StatusBadge invoice={invoice} />
              {onDelete && <DeleteButton invoice={invoice} onDelete={onDelete} />}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/** One list of credit invoices (paid or unpaid), with "Show more" when there are more. */
export function CreditInvoicesTable({
  empty,
  hasMore,
  onShowMore,
  loadingMore,
  ...list
}: InvoiceListProps & {
  empty: string;
  hasMore: boolean;
  onShowMore: () => void;
  loadingMore: boolean;
}) {
  if (!list.invoices.length)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  return (
    <>
      <Box visibleFrom="sm">
        <InvoiceTable {...list} />
      </Box>
      <Box hiddenFrom="sm">
        <InvoiceCards {...list} />
      </Box>
      {hasMore && (
        <Button variant="subtle" onClick={onShowMore} loading={loadingMore}>
          Show more
        </Button>
      )}
    </>
  );
}
