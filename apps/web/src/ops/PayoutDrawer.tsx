import { Button, Drawer, Group, Loader, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DetailList } from './DetailList';
import { IN_MOTION, type OpsPayout, PAYOUTS_KEY } from './ops-money';
import { formatInstant } from '../components/dates';
import { PayoutStatusBadge } from './PayoutStatusBadge';
import { notifyDone } from './notify';

/** What happened to a payout, in order: created, each attempt and its answer, paid. */
function History({ payout }: { payout: OpsPayout }) {
  const events: { at: string; title: string; detail?: string; color: string }[] = [
    { at: payout.createdAt, title: 'Payout created (project invoice paid)', color: 'gray' },
  ];
  for (const a of payout.history) {
    events.push({
      at: a.startedAt,
      title: `Attempt ${a.attempt} sent to the provider`,
      color: 'blue',
    });
    if (a.finishedAt)
      events.push({
        at: a.finishedAt,
        title: a.outcome === 'paid' ? `Attempt ${a.attempt} paid` : `Attempt ${a.attempt} failed`,
        detail:
          a.outcome === 'paid'
            ? `Provider reference ${a.providerReference ?? '—'}`
            : (a.error ?? undefined),
        color: a.outcome === 'paid' ? 'green' : 'red',
      });
  }
  if (payout.status === 'needs_attention')
    events.push({
      at: payout.updatedAt,
      title: 'No attempt left: waiting for ops',
      detail: payout.lastError ?? undefined,
      color: 'red',
    });
  events.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} aria-label="History">
      {events.map((e, i) => (
        <Timeline.Item key={i} title={e.title} color={e.color}>
          <Text size="xs" c="dimmed">
            {formatInstant(e.at, 'second')}
          </Text>
          {e.detail && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {e.detail}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function Attempts({ payout }: { payout: OpsPayout }) {
  if (payout.history.length === 0)
    return <Text c="dimmed">No attempt recorded yet ({payout.attempts} counted).</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder striped aria-label="Attempts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Attempt</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th>Answered</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payout.history.map((a) => (
            <Table.Tr key={a.attempt}>
              <Table.Td>{a.attempt}</Table.Td>
              <Table.Td>{formatInstant(a.startedAt, 'second')}</Table.Td>
              <Table.Td>
                {a.finishedAt ? formatInstant(a.finishedAt, 'second') : 'No answer yet'}
              </Table.Td>
              <Table.Td>{a.outcome ?? 'Sending'}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{a.error ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One payout with its history; a payout that needs attention can be sent again from here. */
export function PayoutDrawer({
  payoutId,
  onClose,
}: {
  payoutId: string | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const payout = useQuery({
    queryKey: [...PAYOUTS_KEY, 'one', payoutId],
    queryFn: () => call(api.GET('/v1/ops/payouts/{id}', { params: { path: { id: payoutId! } } })),
    enabled: payoutId !== null,
    // While the system is working on it, show each attempt as it happens.
    refetchInterval: (query) =>
      query.state.data && IN_MOTION.includes(query.state.data.status) ? 1_500 : false,
  });
  const retry = useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/v1/ops/payouts/{id}/retry', { params: { path: { id } } })),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: PAYOUTS_KEY });
      notifyDone('Payout sent again: one more attempt goes to the provider now.');
    },
  });
  const p = payout.data;

  return (
    <Drawer
      opened={payoutId !== null}
      onClose={() => {
        retry.reset();
        setConfirming(false);
        onClose();
      }}
      position="right"
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="xl"
      title={
        <Title order={2} size="h3">
          Payout
        </Title>
      }
    >
      {payout.isPending && payoutId && <Loader size="sm" aria-label="Loading the payout" />}
      <ProblemAlert error={payout.error} title="Could not load the payout" />
      {p && (
        <Stack>
          <Group justify="space-between">
            <Text fw={700} fz="lg">
              <Money amount={p.amount} currency={p.currency} /> for “{p.projectTitle}”
            </Text>
            <PayoutStatusBadge status={p.status} />
          </Group>
          {p.lastError && p.status !== 'paid' && (
            <Text c="red.8" style={{ overflowWrap: 'anywhere' }}>
              Last error: {p.lastError}
            </Text>
          )}
          {p.status === 'needs_attention' && (
            <Group>
              <Button onClick={() => setConfirming(true)}>Retry payout</Button>
              <Text size="sm" c="dimmed">
                Check the creator’s payout method and the provider first.
              </Text>
            </Group>
          )}
          <DetailList
            label="Payout details"
            rows={[
              [
                'Payout id',
                <Text ff="monospace" fz="sm">
                  {p.id}
                </Text>,
              ],
              ['Attempts', String(p.attempts)],
              ['Expected', p.expectedDate ?? 'Waiting for a payout method'],
              ['Due by', p.dueBy],
              ['Paid', p.paidAt ? formatInstant(p.paidAt, 'second') : null],
              [
                'Creator id',
                <Text ff="monospace" fz="sm">
                  {p.creatorId}
                </Text>,
              ],
              [
                'Brand id',
                <Text ff="monospace" fz="sm">
                  {p.brandId}
                </Text>,
              ],
              [
                'Project invoice id',
                <Text ff="monospace" fz="sm">
                  {p.invoiceId}
                </Text>,
              ],
              ['Last change', formatInstant(p.updatedAt, 'second')],
            ]}
          />
          <Title order={3} size="h4">
            Attempts
          </Title>
          <Attempts payout={p} />
          <Title order={3} size="h4">
            History
          </Title>
          <History payout={p} />
          <ConfirmDialog
            opened={confirming}
            title="Retry this payout?"
            confirmLabel="Retry payout"
            color="violet"
            loading={retry.isPending}
            error={retry.error}
            onConfirm={() => retry.mutate(p.id)}
            onClose={() => {
              retry.reset();
              setConfirming(false);
            }}
          >
            <Text>
              One more attempt to send <Money amount={p.amount} currency={p.currency} /> goes to the
              provider now. It is attempt {p.attempts + 1}; the provider cannot pay it twice.
            </Text>
          </ConfirmDialog>
        </Stack>
      )}
    </Drawer>
  );
}
