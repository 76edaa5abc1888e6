import { Badge, Button, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { ProblemAlert } from '../components/ProblemAlert';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DetailList } from './DetailList';
import { JsonView } from './JsonView';
import { formatInstant, timeAgo } from '../components/dates';
import { notifyDone } from './notify';

export type DeadLetter = components['schemas']['DeadLetterDto'];
export const DEAD_LETTERS_KEY = ['ops', 'dead-letters'] as const;

/** One dead letter: what failed and why, its headers and payload; replay or discard it. */
export function DeadLetterDrawer({
  letter,
  onClose,
}: {
  letter: DeadLetter | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const target = (l: DeadLetter) => ({
    params: { path: { id: l.id }, query: { service: l.service } },
  });
  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: DEAD_LETTERS_KEY });
    notifyDone(message);
    setConfirmDiscard(false);
    onClose();
  };
  const replay = useMutation({
    mutationFn: (l: DeadLetter) => call(api.POST('/v1/ops/dead-letters/{id}/replay', target(l))),
    onSuccess: (l) =>
      done(`Replayed ${l.pattern} to ${l.originalQueue}. If it fails again, it comes back here.`),
  });
  const discard = useMutation({
    mutationFn: (l: DeadLetter) => call(api.DELETE('/v1/ops/dead-letters/{id}', target(l))),
    onSuccess: (l) => done(`Discarded ${l.pattern} for ${l.service}.`),
  });
  const close = () => {
    replay.reset();
    discard.reset();
    setConfirmDiscard(false);
    onClose();
  };

  return (
    <Drawer
      opened={letter !== null}
      onClose={close}
      position="right"
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="xl"
      title={
        <Title order={2} size="h3">
          Dead letter
        </Title>
      }
    >
      {letter && (
        <Stack>
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {letter.service}
            </Badge>
            {letter.errorCode && (
              <Badge color="red" variant="light" tt="none" ff="monospace">
                {letter.errorCode}
              </Badge>
            )}
          </Group>
          {letter.errorDetail && <Text>{letter.errorDetail}</Text>}
          <DetailList
            label="Dead letter details"
            rows={[
              [
                'Pattern',
                <Text ff="monospace" fz="sm">
                  {letter.pattern}
                </Text>,
              ],
              [
                'Message id',
                <Text ff="monospace" fz="sm">
                  {letter.id}
                </Text>,
              ],
              [
                'Correlation id',
                letter.correlationId ? (
                  <Text ff="monospace" fz="sm">
                    {letter.correlationId}
                  </Text>
                ) : null,
              ],
              ['Error code', letter.errorCode],
              [
                'First failure',
                letter.failedAt
                  ? `${formatInstant(letter.failedAt, 'second')} (${timeAgo(letter.failedAt)})`
                  : null,
              ],
              ['Retries', String(letter.retryCount)],
              [
                'Parked in',
                <Text ff="monospace" fz="sm">
                  {letter.queue}
                </Text>,
              ],
              [
                'Replay sends to',
                <Text ff="monospace" fz="sm">
                  {letter.originalQueue}
                </Text>,
              ],
            ]}
          />
          <Title order={3} size="h4">
            Headers
          </Title>
          <JsonView value={letter.headers} label="Headers" />
          <Title order={3} size="h4">
            Payload
          </Title>
          <JsonView value={letter.payload} label="Payload" />
          <ProblemAlert error={replay.error} title="Could not replay" />
          <Group>
            <Button
              onClick={() => replay.mutate(letter)}
              loading={replay.isPending}
              disabled={discard.isPending}
            >
              Replay
            </Button>
            <Button
              color="red.9"
              variant="outline"
              onClick={() => setConfirmDiscard(true)}
              disabled={replay.isPending}
            >
              Discard
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            Replay sends the message back to {letter.service} with the same message id, so it is
            handled at most once. Discard drops it for good.
          </Text>
          <ConfirmDialog
            opened={confirmDiscard}
            title="Discard this dead letter?"
            confirmLabel="Discard for good"
            color="red.9"
            loading={discard.isPending}
            error={discard.error}
            onConfirm={() => discard.mutate(letter)}
            onClose={() => {
              discard.reset();
              setConfirmDiscard(false);
            }}
          >
            {`${letter.pattern} will not reach ${letter.service}. This cannot be undone.`}
          </ConfirmDialog>
        </Stack>
      )}
    </Drawer>
  );
}
