import { Title } from '@mantine/core';

export function AcceptInvitePage() {
  return <Title order={1}>Accept your invite</Title>;
}
