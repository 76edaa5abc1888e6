import {
  Button,
  Group,
  Loader,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMoreButton } from '../components/ShowMoreButton';
import { DepositStatusBadge } from './DepositDrawer';
import { DEPOSITS_KEY, type OpsDeposit } from './ops-money';
import { timeAgo } from '../components/dates';
import { shortId } from './ops-format';
import { PhoneCard, PhoneCards } from './PhoneCard';
import { TimeAgo } from './TimeAgo';

/** A bank transfer normally lands within a day; past an hour without funds, someone looks. */
const DEFAULT_MINUTES = 60;
const MAX_MINUTES = 525_600;

/** Deposits still pending after longer than expected, oldest first: confirm funds by hand. */
export function DepositsWaiting({
  onOpen,
  onConfirmFunds,
}: {
  onOpen: (depositId: string) => void;
  onConfirmFunds: (deposit: OpsDeposit) => void;
}) {
  const [minutes, setMinutes] = useState<number | string>(DEFAULT_MINUTES);
  const valid = typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0;
  const [olderThan] = useDebouncedValue(valid ? minutes : DEFAULT_MINUTES, 400);
  const list = useInfiniteQuery({
    queryKey: [...DEPOSITS_KEY, 'list', olderThan],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/ops/deposits', {
          params: {
            query: {
              status: 'pending',
              olderThanMinutes: olderThan,
              limit: 50,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Confirmed deposits clear within moments; poll faster while one is clearing.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.data.some((d) => d.fundsConfirmedAt)) ? 2_000 : 15_000,
  });
  const deposits = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="deposits-heading">
          Deposits waiting for funds
        </Title>
        <NumberInput
          label="Pending for more than (minutes)"
          value={minutes}
          onChange={setMinutes}
          min={0}
          max={MAX_MINUTES}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          error={valid ? undefined : 'Enter a whole number of minutes'}
          w={240}
        />
      </Group>
      <Text size="sm" c="dimmed">
        Credit added but no payment seen. Confirm funds only when the money is in Glimmer’s account.
      </Text>
      {list.isPending && <Loader size="sm" aria-label="Loading deposits" />}
      <ProblemAlert error={list.error} title="Could not load deposits" />
      {list.data && deposits.length === 0 && (
        <Text role="status">No deposit has been pending for more than {olderThan} minutes.</Text>
      )}
      {deposits.length > 0 && (
        <PhoneCards label="Deposits waiting for funds">
          {deposits.map((d) => (
            <PhoneCard
              key={d.id}
              title={<Money amount={d.amount} currency={d.currency} />}
              lines={[
                ['Cost code', `${d.costCode.code} — ${d.costCode.name}`],
                ['Credit invoice', shortId(d.creditInvoiceId)],
                ['Made', timeAgo(d.createdAt)],
                ['Status', <DepositStatusBadge deposit={d} />],
              ]}
              actions={
                <DepositActions deposit={d} onOpen={onOpen} onConfirmFunds={onConfirmFunds} />
              }
            />
          ))}
        </PhoneCards>
      )}
      {deposits.length > 0 && (
        <Table.ScrollContainer minWidth={820} visibleFrom="sm">
          <Table striped highlightOnHover withTableBorder aria-labelledby="deposits-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Credit invoice</Table.Th>
                <Table.Th>Cost code</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Made</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deposits.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td ff="monospace" fz="sm" title={d.creditInvoiceId}>
                    {shortId(d.creditInvoiceId)}
                  </Table.Td>
                  <Table.Td>
                    {d.costCode.code}{' '}
                    <Text span c="dimmed" size="sm">
                      {d.costCode.name}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money amount={d.amount} currency={d.currency} />
                  </Table.Td>
                  <Table.Td>
                    <TimeAgo at={d.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <DepositStatusBadge deposit={d} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <DepositActions deposit={d} onOpen={onOpen} onConfirmFunds={onConfirmFunds} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ShowMoreButton list={list}>Show more deposits</ShowMoreButton>
    </Stack>
  );
}

/** A deposit's buttons, the same on a phone card and in a table row. */
function DepositActions({
  deposit,
  onOpen,
  onConfirmFunds,
}: {
  deposit: OpsDeposit;
  onOpen: (depositId: string) => void;
  onConfirmFunds: (deposit: OpsDeposit) => void;
}) {
  return (
    <>
      {!deposit.fundsConfirmedAt && (
        <Button
          size="xs"
          onClick={() => onConfirmFunds(deposit)}
          aria-label={`Confirm funds for credit invoice ${deposit.creditInvoiceId}`}
        >
          Confirm funds
        </Button>
      )}
      <Button
        size="xs"
        variant="light"
        onClick={() => onOpen(deposit.id)}
        aria-label={`Open deposit for credit invoice ${deposit.creditInvoiceId}`}
      >
        Open
      </Button>
    </>
  );
}
