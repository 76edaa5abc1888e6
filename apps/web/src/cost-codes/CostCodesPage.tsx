import { Title } from '@mantine/core';

export function CostCodesPage() {
  return <Title order={1}>Cost codes</Title>;
}
