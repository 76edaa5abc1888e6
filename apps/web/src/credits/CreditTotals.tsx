import { Paper, SimpleGrid, Text } from '@mantine/core';
import { Money } from '../components/Money';

/** The top-line metrics: credit ready to use, and credit waiting for funds to clear. */
export function CreditTotals({
  available,
  pending,
  currency,
}: {
  available: number;
  pending: number;
  currency: string;
}) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <Paper withBorder p="md" radius="md" role="group" aria-label="Available credit">
        <Text size="sm" c="dimmed" fw={500}>
          Available credit
        </Text>
        <Text fz={28} fw={700}>
          <Money amount={available} currency={currency} />
        </Text>
        <Text size="xs" c="dimmed">
          Ready to apply to invoices or transfer
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md" role="group" aria-label="Pending credit">
        <Text size="sm" c="dimmed" fw={500}>
          Pending credit
        </Text>
        <Text fz={28} fw={700}>
          <Money amount={pending} currency={currency} />
        </Text>
        <Text size="xs" c="dimmed">
          Becomes available once your funds clear
        </Text>
      </Paper>
    </SimpleGrid>
  );
}
