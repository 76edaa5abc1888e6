import { Badge, Button, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { DetailList } from './DetailList';
import { DEPOSITS_KEY, type OpsDeposit } from './ops-money';
import { formatInstant, timeAgo } from '../components/dates';

export function DepositStatusBadge({ deposit }: { deposit: OpsDeposit }) {
  if (deposit.status === 'cleared')
    return (
      <Badge color="green" variant="dot">
        Cleared
      </Badge>
    );
  if (deposit.status === 'voided')
    return (
      <Badge color="gray" variant="dot">
        Voided
      </Badge>
    );
  return deposit.fundsConfirmedAt ? (
    <Badge color="blue" variant="dot">
      Funds confirmed, clearing
    </Badge>
  ) : (
    <Badge color="orange" variant="dot">
      Waiting for funds
    </Badge>
  );
}

/** One deposit (found by its id or its credit invoice's), with Confirm funds when it waits. */
export function DepositDrawer({
  depositId,
  onClose,
  onConfirmFunds,
}: {
  depositId: string | null;
  onClose: () => void;
  onConfirmFunds: (deposit: OpsDeposit) => void;
}) {
  const query = useQuery({
    queryKey: [...DEPOSITS_KEY, 'one', depositId],
    queryFn: () => call(api.GET('/v1/ops/deposits/{id}', { params: { path: { id: depositId! } } })),
    enabled: depositId !== null,
    // Confirmed funds clear within moments: show it happen.
    refetchInterval: (q) =>
      q.state.data?.status === 'pending' && q.state.data.fundsConfirmedAt ? 1_500 : false,
  });
  const deposit = query.data;
  return (
    <Drawer
      opened={depositId !== null}
      onClose={onClose}
      position="right"
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
      title={
        <Title order={2} size="h3">
          Deposit
        </Title>
      }
    >
      {query.isPending && depositId && <Loader size="sm" aria-label="Loading the deposit" />}
      <ProblemAlert error={query.error} title="Could not load the deposit" />
      {deposit && (
        <Stack>
          <Group justify="space-between">
            <Text fw={700} fz="lg">
              <Money amount={deposit.amount} currency={deposit.currency} /> on{' '}
              {deposit.costCode.code}
            </Text>
            <DepositStatusBadge deposit={deposit} />
          </Group>
          {deposit.status === 'pending' && !deposit.fundsConfirmedAt && (
            <Button onClick={() => onConfirmFunds(deposit)} w="fit-content">
              Confirm funds
            </Button>
          )}
          <DetailList
            label="Deposit details"
            rows={[
              [
                'Deposit id',
                <Text ff="monospace" fz="sm">
                  {deposit.id}
                </Text>,
              ],
              [
                'Credit invoice id',
                <Text ff="monospace" fz="sm">
                  {deposit.creditInvoiceId}
                </Text>,
              ],
              [
                'Brand id',
                <Text ff="monospace" fz="sm">
                  {deposit.brandId}
                </Text>,
              ],
              ['Cost code', `${deposit.costCode.code} — ${deposit.costCode.name}`],
              [
                'Made',
                `${formatInstant(deposit.createdAt, 'second')} (${timeAgo(deposit.createdAt)})`,
              ],
              ['Funds confirmed', formatInstant(deposit.fundsConfirmedAt, 'second')],
              ['Cleared', formatInstant(deposit.clearedAt, 'second')],
              ['Voided', formatInstant(deposit.voidedAt, 'second')],
            ]}
          />
        </Stack>
      )}
    </Drawer>
  );
}
