import { Title } from '@mantine/core';

export function OnboardingPage() {
  return <Title order={1}>Create your profile</Title>;
}
