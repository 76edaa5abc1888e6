import { Title } from '@mantine/core';

export function OfferPage() {
  return <Title order={1}>Offer</Title>;
}
