import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A note about where an offer stands: dark text on a tinted card with a coloured edge, so it
 * reads at WCAG AA contrast whatever the colour (Mantine's light alerts use pale titles).
 */
export function OfferCallout({
  color,
  title,
  children,
}: {
  color: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Paper
      role="status"
      p="md"
      radius="md"
      bg={`${color}.0`}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Stack gap={4}>
        <Text fw={700}>{title}</Text>
        {children}
      </Stack>
    </Paper>
  );
}
