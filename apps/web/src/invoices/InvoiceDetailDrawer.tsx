import { Anchor, Button, DataList, Drawer, Loader, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { SMALL_SCREEN } from '../components/screens';
import { Link } from 'react-router';
import { Money } from '../components/Money';
import { DetailRow } from '../components/DetailRow';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatInstant } from '../components/dates';
import { type ProjectInvoice, useInvoice } from './invoice-queries';
import { InvoicePayments } from './InvoicePayments';
import { InvoiceStatusBadge } from '../components/InvoiceStatusBadge';

/**
 * One invoice in full (opened from its row, or by a link with `?invoice=<id>`, e.g. from the
 * project page): its amounts, every payment applied to it, and Apply Credit.
 */
export function InvoiceDetailDrawer({
  invoiceId,
  codeOf,
  offersCredit,
  onApplyCredit,
  onClose,
}: {
  invoiceId: string | null;
  codeOf: (costCodeId: string) => string;
  offersCredit: (invoice: ProjectInvoice) => boolean;
  onApplyCredit: (invoice: ProjectInvoice) => void;
  onClose: () => void;
}) {
  const phone = useMediaQuery(SMALL_SCREEN);
  const query = useInvoice(invoiceId);
  const invoice = query.data;
  return (
    <Drawer
      opened={invoiceId !== null}
      onClose={onClose}
      position="right"
      closeButtonProps={{ 'aria-label': 'Close' }}
      size={phone ? '100%' : 'lg'}
      title={invoice ? invoice.title : 'Invoice'}
    >
      {invoiceId && query.isPending && <Loader role="status" aria-label="Loading the invoice" />}
      <ProblemAlert error={query.error} title="The invoice could not be loaded" />
      {invoice && (
        <Stack>
          <DataList withDivider labelWidth={130}>
            <DetailRow label="Status">
              <InvoiceStatusBadge status={invoice.status} />
            </DetailRow>
            <DetailRow label="Project">
              <Anchor component={Link} to={`/projects/${invoice.projectId}`}>
                {invoice.projectId}
              </Anchor>
            </DetailRow>
            <DetailRow label="Invoice">{invoice.id}</DetailRow>
            <DetailRow label="Issued">{formatInstant(invoice.issuedAt)}</DetailRow>
            <DetailRow label="Cost code">{codeOf(invoice.costCodeId)}</DetailRow>
            <DetailRow label="Story code">{invoice.storyCode}</DetailRow>
            <DetailRow label="Amount">
              <Money amount={invoice.amount} currency={invoice.currency} />
            </DetailRow>
            <DetailRow label="Amount paid">
              <Money amount={invoice.amountPaid} currency={invoice.currency} />
            </DetailRow>
            <DetailRow label="Amount due">
              <Money amount={invoice.amountDue} currency={invoice.currency} />
            </DetailRow>
            {invoice.paidAt && (
              <DetailRow label="Paid in full">{formatInstant(invoice.paidAt, 'minute')}</DetailRow>
            )}
          </DataList>
          <Title order={3} size="h4">
            Payments
          </Title>
          <InvoicePayments invoice={invoice} codeOf={codeOf} />
          {offersCredit(invoice) && (
            <Button onClick={() => onApplyCredit(invoice)} style={{ alignSelf: 'flex-start' }}>
              Apply Credit
            </Button>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
