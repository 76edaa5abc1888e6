import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { countryName } from '../components/countries';
import { detailRows, type PayoutMethod } from './payout-methods';

/** One payout method as stored: its details (secrets masked by the server) and preference. */
export function PayoutMethodCard({
  method,
  onMakePreferred,
  pending,
}: {
  method: PayoutMethod;
  onMakePreferred: () => void;
  pending: boolean;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={method.name}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} component="h3" m={0} size="md">
              {method.name}
            </Text>
            {method.preferred && (
              <Badge color="green" variant="dot">
                Preferred
              </Badge>
            )}
          </Group>
          <Text size="sm" c="gray.7">
            {countryName(method.country)}
          </Text>
        </Stack>
        {!method.preferred && (
          <Button size="xs" variant="default" onClick={onMakePreferred} loading={pending}>
            Make preferred
          </Button>
        )}
      </Group>
      <Stack component="dl" gap={4} mt="sm" mb={0}>
        {detailRows(method).map(({ name, label, value }) => (
          <Group key={name} gap="xs" wrap="nowrap">
            <Text component="dt" size="sm" c="gray.7" miw={120}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ wordBreak: 'break-all' }}>
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
