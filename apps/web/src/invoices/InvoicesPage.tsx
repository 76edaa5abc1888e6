import {
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMoreButton } from '../components/ShowMoreButton';
import { useBrandCurrency } from '../session/session';
import { ApplyCreditModal } from './ApplyCreditModal';
import {
  canOfferCredit,
  exportCsvHref,
  INVOICE_STATUSES,
  isInvoiceStatus,
  type ProjectInvoice,
  useInvoices,
} from './invoice-queries';
import { useCreditOverview } from '../credits/credit-queries';
import { InvoiceDetailDrawer } from './InvoiceDetailDrawer';
import { InvoicesTable } from './InvoicesTable';
import { INVOICE_STATUS_LABEL } from '../components/InvoiceStatusBadge';

const FILTERS = [
  { value: 'all', label: 'All' },
  ...INVOICE_STATUSES.map((s) => ({ value: s, label: INVOICE_STATUS_LABEL[s] })),
];

/**
 * Reports → Invoices: every project invoice with what it cost, what was paid and what is due;
 * a status filter kept in the address (`?status=unpaid` is a link one can share), the CSV
 * export of the same filter, an invoice's details (`?invoice=<id>`), and Apply Credit.
 */
export function InvoicesPage() {
  const currency = useBrandCurrency();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isInvoiceStatus(statusParam) ? statusParam : undefined;
  const detailId = params.get('invoice');

  const invoices = useInvoices(status);
  const credit = useCreditOverview();
  const [paying, setPaying] = useState<ProjectInvoice | null>(null);

  const rows = useMemo(() => invoices.data?.pages.flatMap((p) => p.data) ?? [], [invoices.data]);
  const costCodes = useMemo(() => credit.data?.costCodes ?? [], [credit.data]);
  const codeById = useMemo(() => new Map(costCodes.map((c) => [c.id, c.code])), [costCodes]);
  const codeOf = useCallback((id: string) => codeById.get(id) ?? `${id.slice(0, 8)}…`, [codeById]);
  const available = credit.data?.available ?? 0;
  const offersCredit = useCallback(
    (invoice: ProjectInvoice) => canOfferCredit(invoice, available),
    [available],
  );

  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name === 'invoice' ? false : true },
    );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} id="invoices-heading">
            Invoices
          </Title>
          <Text c="dimmed" size="sm">
            Project invoices, issued when you and the creator have both marked a project complete.
          </Text>
        </div>
        <Button
          component="a"
          href={exportCsvHref(status)}
          download="invoices.csv"
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden="true" />}
        >
          Export CSV
        </Button>
      </Group>

      <Paper withBorder p="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            Available credit:{' '}
            <Text span fw={600}>
              {credit.data ? <Money amount={available} currency={currency} /> : '…'}
            </Text>
            {credit.data && credit.data.pending > 0 && (
              <Text span c="dimmed">
                {' '}
                (<Money amount={credit.data.pending} currency={currency} /> pending)
              </Text>
            )}
          </Text>
          <Anchor component={Link} to="/reports/credits" size="sm">
            Add Credit
          </Anchor>
        </Group>
      </Paper>

      {/* Five segments do not fit a phone: there the same filter is a Select. */}
      <SegmentedControl
        aria-label="Show invoices"
        data={FILTERS}
        value={status ?? 'all'}
        onChange={(value) => setParam('status', value === 'all' ? null : value)}
        size="sm"
        visibleFrom="sm"
        style={{ alignSelf: 'flex-start' }}
      />
      <Select
        label="Show invoices"
        data={FILTERS}
        value={status ?? 'all'}
        onChange={(value) => setParam('status', !value || value === 'all' ? null : value)}
        allowDeselect={false}
        hiddenFrom="sm"
      />

      <ProblemAlert error={invoices.error} title="Invoices could not be loaded" />
      {invoices.isPending ? (
        <Loader role="status" aria-label="Loading invoices" />
      ) : rows.length === 0 && !invoices.error ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>
            {status
              ? `No ${INVOICE_STATUS_LABEL[status].toLowerCase()} invoices.`
              : 'No invoices yet.'}
          </Text>
          <Text size="sm" c="dimmed">
            {status ? (
              <Anchor component="button" type="button" onClick={() => setParam('status', null)}>
                Show all invoices
              </Anchor>
            ) : (
              'An invoice appears here when one of your projects is completed by both parties.'
            )}
          </Text>
        </Paper>
      ) : (
        <InvoicesTable
          invoices={rows}
          codeOf={codeOf}
          offersCredit={offersCredit}
          onApplyCredit={setPaying}
          onShowDetails={(invoice) => setParam('invoice', invoice.id)}
          labelledBy="invoices-heading"
        />
      )}
      <ShowMoreButton list={invoices}>Load more</ShowMoreButton>

      <InvoiceDetailDrawer
        invoiceId={detailId}
        codeOf={codeOf}
        offersCredit={offersCredit}
        onApplyCredit={setPaying}
        onClose={() => setParam('invoice', null)}
      />
      <ApplyCreditModal invoice={paying} onClose={() => setPaying(null)} />
    </Stack>
  );
}
