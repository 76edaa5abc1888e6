import { Title } from '@mantine/core';

export function ProjectPage() {
  return <Title order={1}>Project</Title>;
}
