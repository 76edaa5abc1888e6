import { Anchor, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { Money } from '../components/Money';
import { ScrollableTable } from '../components/ScrollableTable';
import type { ProjectInvoice } from './invoice-queries';
import { InvoiceStatusBadge } from '../components/InvoiceStatusBadge';

/**
 * The Invoices section's table: what the project cost and what is still due, with Apply Credit
 * on the right of each invoice that can take it. Scrolls sideways on a phone.
 */
export function InvoicesTable({
  invoices,
  codeOf,
  offersCredit,
  onApplyCredit,
  onShowDetails,
  labelledBy,
}: {
  invoices: ProjectInvoice[];
  codeOf: (costCodeId: string) => string;
  offersCredit: (invoice: ProjectInvoice) => boolean;
  onApplyCredit: (invoice: ProjectInvoice) => void;
  onShowDetails: (invoice: ProjectInvoice) => void;
  /** The id of the heading that names the table. */
  labelledBy: string;
}) {
  return (
    <ScrollableTable minWidth={960} labelledBy={labelledBy}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Project</Table.Th>
            <Table.Th>Cost code</Table.Th>
            <Table.Th>Story code</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Amount paid</Table.Th>
            <Table.Th ta="right">Amount due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/projects/${invoice.projectId}`} fw={500}>
                    {invoice.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace" title={invoice.projectId}>
                    Project {invoice.projectId.slice(0, 8)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{codeOf(invoice.costCodeId)}</Table.Td>
              <Table.Td>{invoice.storyCode}</Table.Td>
              <Table.Td ta="right">
                <Money amount={invoice.amount} currency={invoice.currency} />
              </Table.Td>
              <Table.Td ta="right">
                <Stack gap={0} align="flex-end">
                  <Money amount={invoice.amountPaid} currency={invoice.currency} />
                  {invoice.payments.length > 0 && (
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      onClick={() => onShowDetails(invoice)}
                      aria-label={`${invoice.payments.length === 1 ? '1 payment' : `${invoice.payments.length} payments`} on ${invoice.title}`}
                    >
                      {invoice.payments.length === 1
                        ? '1 payment'
                        : `${invoice.payments.length} payments`}
                    </Anchor>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td ta="right" fw={invoice.amountDue > 0 ? 600 : undefined}>
                <Money amount={invoice.amountDue} currency={invoice.currency} />
              </Table.Td>
              <Table.Td>
                <InvoiceStatusBadge status={invoice.status} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-end">
                  {offersCredit(invoice) && (
                    <Button
                      size="xs"
                      onClick={() => onApplyCredit(invoice)}
                      aria-label={`Apply Credit to ${invoice.title}`}
                    >
                      Apply Credit
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onShowDetails(invoice)}
                    aria-label={`Details of ${invoice.title}`}
                  >
                    Details
                  </Button>
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollableTable>
  );
}
