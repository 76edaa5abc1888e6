import {
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatInstant, timeAgo } from '../components/dates';

type LedgerVerification = components['schemas']['LedgerVerificationDto'];

const MISMATCH_KINDS: Record<string, string> = {
  unbalanced_transaction: 'Unbalanced transaction',
  transaction_without_entries: 'Transaction without entries',
  account_balance_mismatch: 'Balance differs from its entries',
  negative_balance: 'Negative balance',
  currency_mismatch: 'Currency mismatch',
  pending_deposits_mismatch: 'Pending credit differs from pending deposits',
};

function Verdict({ result }: { result: LedgerVerification }) {
  const ok = result.ok;
  const Icon = ok ? IconCircleCheck : IconAlertTriangle;
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      bg={ok ? 'green.0' : 'red.0'}
      style={{ borderColor: `var(--mantine-color-${ok ? 'green' : 'red'}-6)`, borderWidth: 2 }}
      role="status"
      aria-live="polite"
    >
      <Group gap="md" wrap="nowrap" align="center">
        <Icon size={48} color={`var(--mantine-color-${ok ? 'green' : 'red'}-8)`} aria-hidden />
        <div>
          <Text fz={32} fw={800} c={ok ? 'green.9' : 'red.9'} lh={1.1}>
            {ok ? 'OK' : 'NOT OK'}
          </Text>
          <Text>
            {ok
              ? 'Every transaction balances and every balance equals its entries.'
              : `${result.mismatches.length} ${result.mismatches.length === 1 ? 'mismatch' : 'mismatches'} found. Do not move money by hand until they are understood.`}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value.toLocaleString('en-US')}
      </Text>
    </Paper>
  );
}

function Mismatches({ mismatches }: { mismatches: LedgerVerification['mismatches'] }) {
  if (mismatches.length === 0) return <Text c="dimmed">No mismatches.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder aria-label="Mismatches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Id</Table.Th>
            <Table.Th ta="right">Expected</Table.Th>
            <Table.Th ta="right">Actual</Table.Th>
            <Table.Th>Detail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mismatches.map((m, i) => (
            <Table.Tr key={`${m.kind}:${m.id}:${i}`}>
              <Table.Td>
                <Badge color="red" variant="light">
                  {MISMATCH_KINDS[m.kind] ?? m.kind}
                </Badge>
              </Table.Td>
              <Table.Td ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere' }}>
                {m.id}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {m.expected ?? '—'}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {m.actual ?? '—'}
              </Table.Td>
              <Table.Td>{m.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The ledger check over the whole database: balanced transactions, balances equal to entries. */
export function LedgerHealthPage() {
  const check = useQuery({
    queryKey: ['ops', 'ledger'],
    queryFn: () => call(api.GET('/v1/ops/ledger/verify')),
    // The check reads every entry: run it on arrival and on request, not on every focus.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const result = check.data;

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Ledger health</Title>
          <Text c="dimmed">
            Proves the credit ledger: every transaction balances, every balance equals its entries.
          </Text>
        </div>
        <Button
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => void check.refetch()}
          loading={check.isFetching}
        >
          Run the check again
        </Button>
      </Group>

      {check.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text>Checking the ledger…</Text>
        </Group>
      )}
      {check.isError && (
        <ProblemAlert error={check.error} title="The ledger check did not finish" />
      )}

      {result && (
        <>
          <Verdict result={result} />
          <Text size="sm" c="dimmed">
            Checked {formatInstant(result.checkedAt, 'second')} ({timeAgo(result.checkedAt)})
            {check.isFetching ? ' — checking again…' : ''}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <Figure label="Transactions checked" value={result.checkedTransactions} />
            <Figure label="Entries checked" value={result.checkedEntries} />
            <Figure label="Cost codes" value={result.costCodes} />
          </SimpleGrid>
          <Title order={2} size="h3">
            Mismatches
          </Title>
          <Mismatches mismatches={result.mismatches} />
        </>
      )}
    </Stack>
  );
}
