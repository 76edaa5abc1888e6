import { Title } from '@mantine/core';

export function ProjectsPage() {
  return <Title order={1}>Projects</Title>;
}
