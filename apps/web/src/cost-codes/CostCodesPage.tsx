import { Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Money } from '../components/Money';
import { ScrollableTable } from '../components/ScrollableTable';
import { ProblemAlert } from '../components/ProblemAlert';
import { useCostCodes } from './cost-code-queries';
import { NewCostCodeForm } from './NewCostCodeForm';

/** Cost codes carry credit and categorise spend: create them, and see each one's balances. */
export function CostCodesPage() {
  const costCodes = useCostCodes();
  return (
    <Stack gap="lg">
      <Title order={1}>Cost codes</Title>
      <NewCostCodeForm />
      <section aria-labelledby="your-cost-codes">
        <Title order={2} size="h4" mb="xs" id="your-cost-codes">
          Your cost codes
        </Title>
        <ProblemAlert error={costCodes.error} title="Cost codes could not be loaded" />
        {costCodes.isPending && (
          <Group justify="center" py="lg">
            <Loader aria-label="Loading cost codes" />
          </Group>
        )}
        {costCodes.data && !costCodes.data.costCodes.length && (
          <Text c="dimmed" size="sm">
            No cost codes yet. Create one above, or add one while you Add Credit.
          </Text>
        )}
        {costCodes.data && costCodes.data.costCodes.length > 0 && (
          <ScrollableTable minWidth={520} labelledBy="your-cost-codes">
            <Table verticalSpacing="sm" aria-labelledby="your-cost-codes" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Code</Table.Th>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Available
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Pending
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {costCodes.data.costCodes.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row">{c.code}</Table.Th>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td ta="right">
                      <Money amount={c.available} currency={c.currency} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money amount={c.pending} currency={c.currency} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        )}
        {costCodes.data?.hasMore && (
          <Button
            variant="subtle"
            onClick={() => void costCodes.fetchNextPage()}
            loading={costCodes.isFetchingNextPage}
          >
            Show more
          </Button>
        )}
      </section>
    </Stack>
  );
}
