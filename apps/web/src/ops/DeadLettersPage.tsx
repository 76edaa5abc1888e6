import {
  Badge,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { DEAD_LETTERS_KEY, type DeadLetter, DeadLetterDrawer } from './DeadLetterDrawer';
import { timeAgo } from '../components/dates';
import { shortId } from './ops-format';
import { PhoneCard, PhoneCards } from './PhoneCard';
import { TimeAgo } from './TimeAgo';

type Service = DeadLetter['service'];
const SERVICES: Service[] = [
  'credit',
  'invoicing',
  'creator-network',
  'payout',
  'scheduler',
  'gateway',
];
const ALL = 'all';

const keyOf = (l: DeadLetter) => `${l.service}:${l.id}`;

/** Messages that failed every retry, by consuming service: inspect, replay or discard them. */
export function DeadLettersPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('service');
  const service = SERVICES.includes(raw as Service) ? (raw as Service) : undefined;
  const [selected, setSelected] = useState<DeadLetter | null>(null);

  const list = useQuery({
    queryKey: [...DEAD_LETTERS_KEY, service ?? ALL],
    queryFn: () =>
      call(api.GET('/v1/ops/dead-letters', { params: { query: service ? { service } : {} } })),
    refetchInterval: 15_000,
  });
  const letters = list.data?.data ?? [];
  const counts = new Map<Service, number>();
  for (const l of letters) counts.set(l.service, (counts.get(l.service) ?? 0) + 1);

  return (
    <Stack maw={1200}>
      <div>
        <Title order={1}>Dead letters</Title>
        <Text c="dimmed">
          Events a service could not handle after every retry. Fix the cause, then replay them — or
          discard what should never be handled.
        </Text>
      </div>
      <Group align="flex-end" justify="space-between">
        <Select
          label="Service"
          data={[
            { value: ALL, label: 'All services' },
            ...SERVICES.map((s) => ({ value: s, label: s })),
          ]}
          value={service ?? ALL}
          onChange={(value) =>
            setParams(value && value !== ALL ? { service: value } : {}, { replace: true })
          }
          allowDeselect={false}
          w={220}
        />
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => void list.refetch()}
          loading={list.isFetching}
        >
          Refresh
        </Button>
      </Group>

      {list.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text>Reading the dead-letter queues…</Text>
        </Group>
      )}
      <ProblemAlert error={list.error} title="Could not read the dead-letter queues" />

      {list.data && letters.length === 0 && (
        <Text role="status">
          No dead letters{service ? ` for ${service}` : ''}. Every event was handled.
        </Text>
      )}

      {letters.length > 0 && (
        <>
          <Group gap="xs" aria-label="Dead letters per service">
            {[...counts].map(([s, n]) => (
              <Badge key={s} variant="light" size="lg" tt="none">
                {s}: {n}
              </Badge>
            ))}
          </Group>
          <PhoneCards label="Dead letters">
            {letters.map((l) => (
              <PhoneCard
                key={keyOf(l)}
                title={<span style={{ fontFamily: 'monospace' }}>{l.pattern}</span>}
                lines={[
                  ['Service', l.service],
                  ['Error', l.errorCode],
                  ['First failure', l.failedAt ? timeAgo(l.failedAt) : null],
                  ['Retries', String(l.retryCount)],
                ]}
                actions={<InspectButton letter={l} onInspect={setSelected} />}
              />
            ))}
          </PhoneCards>
          <Table.ScrollContainer minWidth={820} visibleFrom="sm">
            <Table striped highlightOnHover withTableBorder aria-label="Dead letters">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Service</Table.Th>
                  <Table.Th>Pattern</Table.Th>
                  <Table.Th>Error</Table.Th>
                  <Table.Th>First failure</Table.Th>
                  <Table.Th>Correlation id</Table.Th>
                  <Table.Th ta="right">Retries</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {letters.map((l) => (
                  <Table.Tr key={keyOf(l)}>
                    <Table.Td>{l.service}</Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {l.pattern}
                    </Table.Td>
                    <Table.Td>
                      {l.errorCode ? (
                        <Badge color="red" variant="light" tt="none" ff="monospace">
                          {l.errorCode}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TimeAgo at={l.failedAt} />
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm" title={l.correlationId ?? undefined}>
                      {l.correlationId ? shortId(l.correlationId) : '—'}
                    </Table.Td>
                    <Table.Td ta="right">{l.retryCount}</Table.Td>
                    <Table.Td>
                      <InspectButton letter={l} onInspect={setSelected} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <DeadLetterDrawer letter={selected} onClose={() => setSelected(null)} />
    </Stack>
  );
}

function InspectButton({
  letter,
  onInspect,
}: {
  letter: DeadLetter;
  onInspect: (letter: DeadLetter) => void;
}) {
  return (
    <Button
      size="xs"
      variant="light"
      onClick={() => onInspect(letter)}
      aria-label={`Inspect ${letter.pattern} for ${letter.service}`}
    >
      Inspect
    </Button>
  );
}
