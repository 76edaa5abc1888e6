import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { formatSize } from './file-checks';
import type { WorkSample } from './profile-api';

const KIND: Record<string, string> = {
  'image/jpeg': 'Image',
  'image/png': 'Image',
  'image/webp': 'Image',
  'application/pdf': 'PDF',
  'video/mp4': 'Video',
};

/**
 * Samples of previous work: links open the work, files open from Glimmer (with the session).
 * With `onRemove` (the creator's own list) each sample has a Remove button.
 */
export function SampleList({
  samples,
  title,
  onRemove,
  removingId,
}: {
  samples: WorkSample[];
  title: string;
  onRemove?: (sample: WorkSample) => void;
  /** The sample being removed, whose button shows progress. */
  removingId?: string;
}) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      {samples.map((s) => (
        <Paper key={s.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor
                href={s.url ?? s.file?.url ?? '#'}
                target="_blank"
                rel="noopener noreferrer"
                fw={600}
                style={{ overflowWrap: 'anywhere' }}
              >
                {s.title}
              </Anchor>
              {s.description && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {s.description}
                </Text>
              )}
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {s.url ?? (s.file ? formatSize(s.file.size) : '')}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Badge variant="light">
                {s.file ? (KIND[s.file.contentType] ?? 'File') : 'Link'}
              </Badge>
              {onRemove && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  aria-label={`Remove “${s.title}”`}
                  loading={removingId === s.id}
                  disabled={removingId !== undefined && removingId !== s.id}
                  onClick={() => onRemove(s)}
                >
                  Remove
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
