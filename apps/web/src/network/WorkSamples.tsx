import { Anchor, Image, Paper, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { WorkSample } from './network-api';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const FILE_KIND: Record<string, string> = { 'application/pdf': 'PDF', 'video/mp4': 'MP4 video' };

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Where a sample opens: its link, or its stored file (served to in-network brands). */
export function sampleHref(sample: WorkSample): string | null {
  return sample.url ?? sample.file?.url ?? null;
}

export function isImageSample(sample: WorkSample): boolean {
  return !!sample.file && IMAGE_TYPES.has(sample.file.contentType);
}

/** What kind of sample it is, in a few words: "portfolio.example", "PDF, 2.1 MB". */
export function sampleKind(sample: WorkSample): string {
  if (sample.url) return hostOf(sample.url);
  if (!sample.file) return '';
  const kind = IMAGE_TYPES.has(sample.file.contentType)
    ? 'Image'
    : (FILE_KIND[sample.file.contentType] ?? 'File');
  return `${kind}, ${size(sample.file.size)}`;
}

/** One sample: images shown, links and other files opened in a new tab. */
function Sample({ sample }: { sample: WorkSample }) {
  const href = sampleHref(sample);
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap={4}>
        {isImageSample(sample) && href && (
          <a href={href} target="_blank" rel="noopener noreferrer">
            <Image src={href} alt={sample.title} radius="sm" h={180} fit="cover" />
          </a>
        )}
        {href ? (
          <Anchor href={href} target="_blank" rel="noopener noreferrer" fw={600}>
            {sample.title}
            <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
          </Anchor>
        ) : (
          <Text fw={600}>{sample.title}</Text>
        )}
        <Text size="xs" c="dimmed">
          {sampleKind(sample)}
        </Text>
        {sample.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {sample.description}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The creator's work samples, as a grid that becomes one column on a phone. */
export function WorkSamples({ samples }: { samples: WorkSample[] }) {
  if (!samples.length)
    return (
      <Text c="dimmed" size="sm">
        No work samples yet.
      </Text>
    );
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="md"
      component="ul"
      // Each card as tall as its content, not stretched to the row's tallest (an image).
      style={{ listStyle: 'none', margin: 0, padding: 0, alignItems: 'start' }}
    >
      {samples.map((sample) => (
        <Sample key={sample.id} sample={sample} />
      ))}
    </SimpleGrid>
  );
}
