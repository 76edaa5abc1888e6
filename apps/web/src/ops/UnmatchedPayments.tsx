import { Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { timeAgo } from '../components/dates';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMoreButton } from '../components/ShowMoreButton';
import { UNMATCHED_PAYMENTS_KEY } from './ops-money';
import { shortId } from './ops-format';
import { PhoneCard, PhoneCards } from './PhoneCard';
import { TimeAgo } from './TimeAgo';

type UnmatchedPayment = components['schemas']['UnmatchedPaymentDto'];

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
 * recorded each; a person refunds it or re-opens the credit. Oldest first.
 */
export function UnmatchedPayments() {
  const list = useInfiniteQuery({
    queryKey: [...UNMATCHED_PAYMENTS_KEY, 'list'],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/ops/unmatched-payments', {
          params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });
  const payments = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="unmatched-payments-heading">
        Payments that cleared nothing
      </Title>
      <Text size="sm" c="dimmed">
        Money the payment provider says arrived but that did not match an open credit invoice.
        Nothing was cleared: refund it, or re-open the credit by hand.
      </Text>
      {list.isPending && <Loader size="sm" aria-label="Loading unmatched payments" />}
      <ProblemAlert error={list.error} title="Could not load unmatched payments" />
      {list.data && payments.length === 0 && <Text role="status">No unmatched payment.</Text>}
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
              ]}
              actions={null}
            />
          ))}
        </PhoneCards>
      )}
      {payments.length > 0 && (
        <Table.ScrollContainer minWidth={820} visibleFrom="sm">
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
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payments.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td ff="monospace" fz="sm" title={p.creditInvoiceId}>
                    {shortId(p.creditInvoiceId)}
                  </Table.Td>
                  <Table.Td>
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
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ShowMoreButton list={list}>Show more payments</ShowMoreButton>
    </Stack>
  );
}
