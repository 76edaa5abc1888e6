import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMoreButton } from '../components/ShowMoreButton';
import { useBrandCurrency } from '../session/session';
import { costCodeLabel } from './cost-code-label';
import { AddCreditModal } from './AddCreditModal';
import { CancelCreditModal } from './CancelCreditModal';
import { CostCodeBalancesTable } from './CostCodeBalancesTable';
import { CreditInvoicesTable } from './CreditInvoicesTable';
import { CreditTotals } from './CreditTotals';
import {
  creditOverviewQuery,
  useCreditInvoices,
  useCreditOverview,
  useCreditPages,
  type CreditInvoice,
} from './credit-queries';
import {
  cancelledNotice,
  depositNotice,
  transferNotice,
  type DepositMade,
  type NoticeText,
} from './credit-notices';
import { useFinanceContact } from './finance-contact';
import { TransferCreditModal } from './TransferCreditModal';

type Notice = NoticeText | { deposit: DepositMade };

type Dialog = { kind: 'add' } | { kind: 'transfer' } | { kind: 'cancel'; invoice: CreditInvoice };

/**
 * Reports → Credits: the available and pending totals, Add Credit and Transfer Credit, the
 * cost codes that carry credit (a page at a time), and the unpaid and paid credit invoices.
 * While a deposit is pending or an invoice unpaid the page asks again every two seconds, so
 * funds clearing and an invoice being paid show without a reload. The dialogs pick from every
 * cost code: that list is fetched when one opens, not to show the page.
 */
export function CreditsPage() {
  const currency = useBrandCurrency();
  const financeContact = useFinanceContact();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const queryClient = useQueryClient();
  const overview = useCreditPages();
  // Read from the cache only (names for the invoice rows), fetched when a dialog opens.
  const everyCode = useCreditOverview({ enabled: false });
  const [opening, setOpening] = useState<Dialog['kind'] | null>(null);
  // The invoice lists change while credit is pending: an unpaid one gets paid (or voided).
  const creditPending = Boolean(overview.data?.pending);
  const unpaid = useCreditInvoices('unpaid', { poll: creditPending });
  const paid = useCreditInvoices('paid', {
    poll: creditPending || Boolean(unpaid.data?.invoices.length),
  });

  const costCodes = overview.data?.costCodes ?? [];
  const byId = new Map([...(everyCode.data?.costCodes ?? []), ...costCodes].map((c) => [c.id, c]));
  const allCodes = everyCode.data?.costCodes ?? [];
  const close = () => setDialog(null);
  const loadError = overview.error ?? everyCode.error ?? unpaid.error ?? paid.error;

  /** Opens a dialog that picks cost codes once every code is here (fresh: credit may have moved). */
  const openWithCodes = async (kind: 'add' | 'transfer') => {
    setOpening(kind);
    try {
      await queryClient.fetchQuery({ ...creditOverviewQuery, staleTime: 0 });
      setDialog({ kind });
    } catch {
      // everyCode.error shows it in the page's alert
    } finally {
      setOpening(null);
    }
  };

  const shown =
    notice && 'deposit' in notice
      ? depositNotice(
          notice.deposit,
          {
            paidInvoices: paid.data?.invoices ?? [],
            costCode: byId.get(notice.deposit.costCodeId),
            financeContact,
          },
          currency,
        )
      : notice;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            Reports
          </Text>
          <Title order={1}>Credits</Title>
        </div>
        <Group gap="sm">
          <Button
            onClick={() => void openWithCodes('add')}
            loading={opening === 'add'}
            disabled={!overview.data}
          >
            Add Credit
          </Button>
          <Button
            variant="light"
            onClick={() => void openWithCodes('transfer')}
            loading={opening === 'transfer'}
            disabled={!overview.data}
          >
            Transfer Credit
          </Button>
        </Group>
      </Group>

      {notice && (
        <Alert
          role="status"
          color={shown?.warning ? 'orange' : 'teal'}
          variant="light"
          title={shown?.title}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(null)}
        >
          {shown?.message}
        </Alert>
      )}
      <ProblemAlert error={loadError} currency={currency} title="Credit could not be loaded" />

      {overview.isPending ? (
        <Group justify="center" py="xl">
          <Loader aria-label="Loading credit" />
        </Group>
      ) : (
        overview.data && (
          <>
            <CreditTotals
              available={overview.data.available}
              pending={overview.data.pending}
              currency={overview.data.currency}
            />
            <section aria-labelledby="cost-codes-with-credit">
              <Title order={2} size="h4" mb="xs" id="cost-codes-with-credit">
                Cost codes with credit
              </Title>
              <CostCodeBalancesTable costCodes={costCodes} labelledBy="cost-codes-with-credit" />
              <ShowMoreButton list={overview}>Show more cost codes</ShowMoreButton>
            </section>
          </>
        )
      )}

      <section aria-labelledby="unpaid-credit-invoices">
        <Title order={2} size="h4" mb="xs" id="unpaid-credit-invoices">
          Unpaid credit invoices
        </Title>
        {unpaid.data && (
          <CreditInvoicesTable
            labelledBy="unpaid-credit-invoices"
            invoices={unpaid.data.invoices}
            empty="No unpaid credit invoices."
            costCodeName={(i) => byId.get(i.costCodeId)?.name}
            onDelete={(invoice) => setDialog({ kind: 'cancel', invoice })}
            hasMore={unpaid.data.hasMore}
            onShowMore={() => void unpaid.fetchNextPage()}
            loadingMore={unpaid.isFetchingNextPage}
          />
        )}
        {unpaid.isPending && <Loader size="sm" aria-label="Loading unpaid credit invoices" />}
      </section>

      <section aria-labelledby="paid-credit-invoices">
        <Title order={2} size="h4" mb="xs" id="paid-credit-invoices">
          Paid credit invoices
        </Title>
        {paid.data && (
          <CreditInvoicesTable
            labelledBy="paid-credit-invoices"
            invoices={paid.data.invoices}
            empty="No paid credit invoices yet."
            costCodeName={(i) => byId.get(i.costCodeId)?.name}
            hasMore={paid.data.hasMore}
            onShowMore={() => void paid.fetchNextPage()}
            loadingMore={paid.isFetchingNextPage}
          />
        )}
        {paid.isPending && <Loader size="sm" aria-label="Loading paid credit invoices" />}
      </section>

      {dialog?.kind === 'add' && (
        <AddCreditModal
          onClose={close}
          costCodes={allCodes}
          currency={currency}
          onDeposited={(made) => setNotice({ deposit: made })}
        />
      )}
      {dialog?.kind === 'transfer' && (
        <TransferCreditModal
          onClose={close}
          costCodes={allCodes}
          currency={currency}
          onTransferred={(made) => setNotice(transferNotice(made, currency))}
        />
      )}
      {dialog?.kind === 'cancel' && (
        <CancelCreditModal
          invoice={dialog.invoice}
          costCode={(() => {
            const costCode = byId.get(dialog.invoice.costCodeId);
            return costCode ? costCodeLabel(costCode) : dialog.invoice.costCode;
          })()}
          financeContact={financeContact}
          onClose={close}
          onCancelled={(cancelled) =>
            setNotice(cancelledNotice(cancelled, financeContact, currency))
          }
        />
      )}
    </Stack>
  );
}
