import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One row of an ops list as a card, for phones (tables scroll sideways there and hide their
 * actions): a title, label–value lines, and the row's buttons at the bottom.
 */
export function PhoneCard({
  title,
  lines,
  actions,
}: {
  title: ReactNode;
  lines: [string, ReactNode][];
  actions: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Stack gap={6}>
        <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
        {lines.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
              {label}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {value ?? '—'}
            </Text>
          </Group>
        ))}
        <Group gap="xs">{actions}</Group>
      </Stack>
    </Paper>
  );
}

/** The list of cards, shown below the `sm` breakpoint in place of a table. */
export function PhoneCards({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack
      component="ul"
      hiddenFrom="sm"
      gap="sm"
      aria-label={label}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {children}
    </Stack>
  );
}
