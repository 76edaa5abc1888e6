import { Title } from '@mantine/core';

export function InvoicesPage() {
  return <Title order={1}>Invoices</Title>;
}
