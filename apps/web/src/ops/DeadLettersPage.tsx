import { Title } from '@mantine/core';

export function DeadLettersPage() {
  return <Title order={1}>Dead letters</Title>;
}
