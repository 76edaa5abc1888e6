import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import type { components } from '../api/schema';

export type OfferContract = components['schemas']['OfferContractDto'];

/**
 * The contract exactly as the server rendered it — the text a signature covers, character for
 * character (its SHA-256 is what accepting stores), so it is shown verbatim in a <pre>.
 */
export function OfferContractText({ contract }: { contract: OfferContract }) {
  return (
    <Stack gap="xs">
      <Title order={2}>Contract</Title>
      <Text size="sm" c="gray.7">
        {contract.signedAt
          ? 'The contract as it was signed.'
          : 'Read the whole contract: accepting signs exactly this text.'}
      </Text>
      <Paper withBorder radius="md" p={0}>
        <Box
          component="pre"
          // Focusable so keyboard users can scroll it; named for screen readers.
          tabIndex={0}
          aria-label="Contract text"
          data-testid="contract-text"
          m={0}
          p="md"
          mah={420}
          style={{
            overflow: 'auto',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
            fontFamily: 'var(--mantine-font-family-monospace)',
            fontSize: 'var(--mantine-font-size-sm)',
          }}
        >
          {contract.text}
        </Box>
      </Paper>
      <Text size="xs" c="gray.7" style={{ wordBreak: 'break-all' }}>
        {contract.templateVersion} · SHA-256 {contract.sha256}
      </Text>
    </Stack>
  );
}
