import { Badge } from '@mantine/core';
import type { Project } from './project-queries';

export function ProjectStatusBadge({ status }: { status: Project['status'] }) {
  return (
    <Badge color={status === 'completed' ? 'green' : 'blue'} variant="dot" tt="none">
      {status === 'completed' ? 'Completed' : 'In progress'}
    </Badge>
  );
}
