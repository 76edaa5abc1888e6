import { Title } from '@mantine/core';

export function MoneyNeedsPersonPage() {
  return <Title order={1}>Money that needs a person</Title>;
}
