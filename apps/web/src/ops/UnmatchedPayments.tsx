import {
  Badge,
  Box,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { timeAgo } from '../components/dates';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { ScrollableTable } from '../components/ScrollableTable';
import { ShowMoreButton } from '../components/ShowMoreButton';
import { UNMATCHED_PAYMENTS_KEY } from './ops-money';
import { shortId } from './ops-format';
import { PhoneCard, PhoneCards } from './PhoneCard';
import { ResolvePaymentModal } from './ResolvePaymentModal';
import { TimeAgo } from './TimeAgo';

type UnmatchedPayment = components['schemas']['UnmatchedPaymentDto'];
type Shown = components['schemas']['UnmatchedPaymentStatus'];

/** How ops settled a payment, as the list shows it. */
const RESOLUTIONS: Record<NonNullable<UnmatchedPayment['resolution']>, string> = {
  refunded: 'Refunded',
  credited_manually: 'Credited by hand',
  reversed_by_provider: 'Reversed by provider',
};

const resolvedBy = (p: UnmatchedPayment) => p.resolvedBy?.email ?? p.resolvedBy?.userId ?? '—';

/** Why a payment cleared nothing, in the words ops act on. */
const REASONS: Record<UnmatchedPayment['outcome'], string> = {
  amount_mismatch: 'Wrong amount',
  currency_mismatch: 'Wrong currency',
  deposit_voided: 'Late: invoice deleted',
  already_paid: 'Paid twice',
  applied: 'Applied',
};

/**
 * Money the payment provider reported that cleared no deposit — a partial or an over-payment,
 * another currency, funds after the credit invoice was deleted, a second payment. Glimmer
 * recorded each; a person refunds it or re-opens the credit, then resolves it here (which moves
 * no money) and it moves to Resolved. Oldest first.
 */
export function UnmatchedPayments() {
  const [status, setStatus] = useState<Shown>('open');
  const [resolving, setResolving] = useState<UnmatchedPayment | null>(null);
  const list = useInfiniteQuery({
    queryKey: [...UNMATCHED_PAYMENTS_KEY, 'list', status],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/ops/unmatched-payments', {
          params: {
            query: { status, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });
  const payments = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="unmatched-payments-heading">
          Payments that cleared nothing
        </Title>
        <SegmentedControl
          aria-label="Which unmatched payments"
          value={status}
          onChange={(v) => setStatus(v as Shown)}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'resolved', label: 'Resolved' },
          ]}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {status === 'open'
          ? 'Money the payment provider says arrived but that did not match an open credit invoice. ' +
            'Nothing was cleared: refund it at the provider, or give the brand its credit by hand, ' +
            'then resolve it here. Resolving records what you did; it moves no money.'
          : 'Payments someone resolved: what they did, their note, who and when.'}
      </Text>
      {list.isPending && <Loader size="sm" aria-label="Loading unmatched payments" />}
      <ProblemAlert error={list.error} title="Could not load unmatched payments" />
      {list.data && payments.length === 0 && (
        <Text role="status">
          {status === 'open' ? 'No unmatched payment is waiting.' : 'No payment resolved yet.'}
        </Text>
      )}
      {payments.length > 0 && (
        <PhoneCards label="Payments that cleared nothing">
          {payments.map((p) => (
            <PhoneCard
              key={p.id}
              title={<Money amount={p.amount} currency={p.currency} />}
              lines={[
                ['Reason', REASONS[p.outcome]],
                ['Expected', <Money amount={p.expected.amount} currency={p.expected.currency} />],
                ['Credit invoice', shortId(p.creditInvoiceId)],
                ['Reference', p.providerReference],
                ['Received', timeAgo(p.receivedAt)],
                ...(p.resolution
                  ? ([
                      ['Resolution', RESOLUTIONS[p.resolution]],
                      ['Note', p.resolutionNote],
                      ['Resolved by', resolvedBy(p)],
                      ['Resolved', p.resolvedAt ? timeAgo(p.resolvedAt) : null],
                    ] as [string, ReactNode][])
                  : []),
              ]}
              actions={
                p.status === 'open' ? <ResolveButton payment={p} onResolve={setResolving} /> : null
              }
            />
          ))}
        </PhoneCards>
      )}
      {payments.length > 0 && (
        <Box visibleFrom="sm">
          <ScrollableTable
            minWidth={status === 'open' ? 820 : 1200}
            labelledBy="unmatched-payments-heading"
          >
            <Table
              striped
              highlightOnHover
              withTableBorder
              aria-labelledby="unmatched-payments-heading"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Credit invoice</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th ta="right">Arrived</Table.Th>
                  <Table.Th ta="right">Expected</Table.Th>
                  <Table.Th>Provider reference</Table.Th>
                  <Table.Th>Received</Table.Th>
                  {status === 'open' ? (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : (
                    <>
                      <Table.Th>Resolution</Table.Th>
                      <Table.Th>Note</Table.Th>
                      <Table.Th>Resolved by</Table.Th>
                    </>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td ff="monospace" fz="sm" title={p.creditInvoiceId}>
                      {shortId(p.creditInvoiceId)}
                    </Table.Td>
                    <Table.Td miw={220}>
                      <Badge color="orange" variant="light">
                        {REASONS[p.outcome]}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money amount={p.amount} currency={p.currency} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money amount={p.expected.amount} currency={p.expected.currency} />
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {p.providerReference}
                    </Table.Td>
                    <Table.Td>
                      <TimeAgo at={p.receivedAt} />
                    </Table.Td>
                    {p.status === 'open' ? (
                      <Table.Td>
                        <ResolveButton payment={p} onResolve={setResolving} />
                      </Table.Td>
                    ) : (
                      <>
                        <Table.Td miw={190}>
                          <Badge color="green" variant="light">
                            {p.resolution ? RESOLUTIONS[p.resolution] : '—'}
                          </Badge>
                        </Table.Td>
                        <Table.Td miw={200} maw={320} style={{ overflowWrap: 'anywhere' }}>
                          {p.resolutionNote}
                        </Table.Td>
                        <Table.Td>
                          {resolvedBy(p)}
                          {p.resolvedAt && (
                            <Text size="xs" c="dimmed">
                              <TimeAgo at={p.resolvedAt} />
                            </Text>
                          )}
                        </Table.Td>
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        </Box>
      )}
      <ShowMoreButton list={list}>Show more payments</ShowMoreButton>
      <ResolvePaymentModal payment={resolving} onClose={() => setResolving(null)} />
    </Stack>
  );
}

/** Opens the resolve dialog for one payment, named by its provider reference. */
function ResolveButton({
  payment,
  onResolve,
}: {
  payment: UnmatchedPayment;
  onResolve: (payment: UnmatchedPayment) => void;
}) {
  return (
    <Button
      size="xs"
      onClick={() => onResolve(payment)}
      aria-label={`Resolve payment ${payment.providerReference}`}
    >
      Resolve
    </Button>
  );
}
