import { Title } from '@mantine/core';

export function CreatorPage() {
  return <Title order={1}>Creator</Title>;
}
