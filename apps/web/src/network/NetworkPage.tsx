import { Title } from '@mantine/core';

export function NetworkPage() {
  return <Title order={1}>My Network</Title>;
}
