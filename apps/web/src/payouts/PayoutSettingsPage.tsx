import { Title } from '@mantine/core';

export function PayoutSettingsPage() {
  return <Title order={1}>Payout settings</Title>;
}
