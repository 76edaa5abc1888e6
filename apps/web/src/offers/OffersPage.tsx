import { Title } from '@mantine/core';

export function OffersPage() {
  return <Title order={1}>Offers</Title>;
}
