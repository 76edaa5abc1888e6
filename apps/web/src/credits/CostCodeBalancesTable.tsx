import { Table, Text } from '@mantine/core';
import { Money } from '../components/Money';
import { ScrollableTable } from '../components/ScrollableTable';
import type { CostCode } from './credit-queries';

/** The cost codes that carry credit (the server's `withCredit` pages), amounts side by side. */
export function CostCodeBalancesTable({
  costCodes,
  labelledBy,
}: {
  costCodes: CostCode[];
  labelledBy: string;
}) {
  if (!costCodes.length)
    return (
      <Text c="dimmed" size="sm">
        No cost code has credit yet. Use Add Credit to load credit onto a cost code.
      </Text>
    );
  return (
    <ScrollableTable minWidth={320} labelledBy={labelledBy}>
      <Table verticalSpacing="sm" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Cost code</Table.Th>
            <Table.Th scope="col" ta="right">
              Available
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Pending
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {costCodes.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={400}>
                <Text size="sm" fw={600} component="span" display="block">
                  {c.code}
                </Text>
                <Text size="xs" c="dimmed" component="span" display="block">
                  {c.name}
                </Text>
              </Table.Th>
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
  );
}
