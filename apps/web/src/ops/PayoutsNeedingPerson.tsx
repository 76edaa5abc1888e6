import {
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
import { useState } from 'react';
import { api, call } from '../api/client';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMoreButton } from '../components/ShowMoreButton';
import { type OpsPayoutSummary, PAYOUTS_KEY } from './ops-money';
import { timeAgo } from '../components/dates';
import { PayoutStatusBadge } from './PayoutStatusBadge';
import { PhoneCard, PhoneCards } from './PhoneCard';
import { TimeAgo } from './TimeAgo';

type Shown = 'needs_attention' | 'failed';

/** Payouts flagged for ops (every attempt failed), and those failing that still retry. */
export function PayoutsNeedingPerson({ onOpen }: { onOpen: (payoutId: string) => void }) {
  const [status, setStatus] = useState<Shown>('needs_attention');
  const list = useInfiniteQuery({
    queryKey: [...PAYOUTS_KEY, 'list', status],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/ops/payouts', {
          params: { query: { status, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
  const payouts = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="payouts-heading">
          Payouts
        </Title>
        <SegmentedControl
          aria-label="Which payouts"
          value={status}
          onChange={(v) => setStatus(v as Shown)}
          data={[
            { value: 'needs_attention', label: 'Needs attention' },
            { value: 'failed', label: 'Failed, retrying' },
          ]}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {status === 'needs_attention'
          ? 'Every attempt failed: the creator is waiting for a person to look.'
          : 'The last attempt failed; another is scheduled automatically.'}
      </Text>
      {list.isPending && <Loader size="sm" aria-label="Loading payouts" />}
      <ProblemAlert error={list.error} title="Could not load payouts" />
      {list.data && payouts.length === 0 && (
        <Text role="status">
          {status === 'needs_attention'
            ? 'No payout needs attention.'
            : 'No payout is failing right now.'}
        </Text>
      )}
      {payouts.length > 0 && (
        <PhoneCards label="Payouts">
          {payouts.map((p) => (
            <PhoneCard
              key={p.id}
              title={p.projectTitle}
              lines={[
                ['Amount', <Money amount={p.amount} currency={p.currency} />],
                ['Status', <PayoutStatusBadge status={p.status} />],
                ['Attempts', String(p.attempts)],
                ['Last error', p.lastError],
                ['Last change', timeAgo(p.updatedAt)],
              ]}
              actions={<OpenPayoutButton payout={p} onOpen={onOpen} />}
            />
          ))}
        </PhoneCards>
      )}
      {payouts.length > 0 && (
        <Table.ScrollContainer minWidth={820} visibleFrom="sm">
          <Table striped highlightOnHover withTableBorder aria-labelledby="payouts-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Project</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Attempts</Table.Th>
                <Table.Th>Last error</Table.Th>
                <Table.Th>Last change</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payouts.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.projectTitle}</Table.Td>
                  <Table.Td ta="right">
                    <Money amount={p.amount} currency={p.currency} />
                  </Table.Td>
                  <Table.Td>
                    <PayoutStatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td ta="right">{p.attempts}</Table.Td>
                  <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }}>
                    {p.lastError ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <TimeAgo at={p.updatedAt} />
                  </Table.Td>
                  <Table.Td>
                    <OpenPayoutButton payout={p} onOpen={onOpen} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ShowMoreButton list={list}>Show more payouts</ShowMoreButton>
    </Stack>
  );
}

function OpenPayoutButton({
  payout,
  onOpen,
}: {
  payout: OpsPayoutSummary;
  onOpen: (payoutId: string) => void;
}) {
  return (
    <Button
      size="xs"
      variant="light"
      onClick={() => onOpen(payout.id)}
      aria-label={`Open payout for ${payout.projectTitle}`}
    >
      Open
    </Button>
  );
}
