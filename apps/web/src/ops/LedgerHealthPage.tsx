import { Title } from '@mantine/core';

export function LedgerHealthPage() {
  return <Title order={1}>Ledger health</Title>;
}
