import { Badge, Button, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import type { ApiProblem } from '../api/problem';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import { ProblemAlert } from '../components/ProblemAlert';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NARROW_SCREEN } from '../components/screens';
import { formatInstant } from '../components/dates';
import { INVITES_KEY, type Invite } from './network-api';

const STATUS: Record<Invite['status'], { label: string; color: string }> = {
  sent: { label: 'Sent', color: 'blue' },
  accepted: { label: 'Accepted', color: 'green' },
  expired: { label: 'Expired', color: 'orange' },
  revoked: { label: 'Revoked', color: 'gray' },
};

export function InviteStatusBadge({ status }: { status: Invite['status'] }) {
  return (
    <Badge color={STATUS[status].color} variant="dot">
      {STATUS[status].label}
    </Badge>
  );
}

/** Accepted and revoked invites are final; a sent or expired one can be resent or revoked. */
const isOpen = (invite: Invite) => invite.status === 'sent' || invite.status === 'expired';

/** When it was accepted, or when it expires (or did). */
function lifetimeOf(invite: Invite): string {
  if (invite.acceptedAt) return `Accepted ${formatInstant(invite.acceptedAt)}`;
  return `${invite.status === 'expired' ? 'Expired' : 'Expires'} ${formatInstant(invite.expiresAt)}`;
}

/** The brand's invites with their status, newest first, and Resend / Revoke on the open ones. */
export function InvitesTable({ invites }: { invites: Invite[] }) {
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<Invite | null>(null);
  const narrow = useMediaQuery(NARROW_SCREEN);

  // One key per invite and click: a double click resends one email, not two.
  const resend = useIdempotentMutation({
    action: 'resend-invite',
    send: (invite: Pick<Invite, 'id' | 'email'>, key) =>
      call(
        api.POST('/v1/invites/{id}/resend', {
          params: { path: { id: invite.id }, header: { 'Idempotency-Key': key } },
        }),
      ),
    invalidates: [INVITES_KEY],
    onSuccess: (sent) =>
      notifications.show({
        color: 'green',
        title: 'Invite sent again',
        message: `${sent.email} has a new link; the previous one no longer works.`,
      }),
  });

  const revoke = useMutation<Invite, ApiProblem, Invite>({
    mutationFn: (invite) =>
      call(api.POST('/v1/invites/{id}/revoke', { params: { path: { id: invite.id } } })),
    onSuccess: async (revoked) => {
      await queryClient.invalidateQueries({ queryKey: INVITES_KEY });
      setRevoking(null);
      notifications.show({
        title: 'Invite revoked',
        message: `The link sent to ${revoked.email} no longer works.`,
      });
    },
  });

  const actions = (invite: Invite) =>
    isOpen(invite) && (
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        <Button
          size="xs"
          variant="light"
          loading={resend.isPending && resend.variables?.id === invite.id}
          onClick={() => resend.mutate({ id: invite.id, email: invite.email })}
        >
          Resend<VisuallyHidden> invite to {invite.email}</VisuallyHidden>
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() => {
            revoke.reset();
            setRevoking(invite);
          }}
        >
          Revoke<VisuallyHidden> invite to {invite.email}</VisuallyHidden>
        </Button>
      </Group>
    );

  return (
    <>
      {narrow ? (
        // Narrow screens: one card per invite, nothing to scroll sideways.
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {invites.map((invite) => (
            <Card key={invite.id} withBorder padding="sm" component="li">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {invite.email}
                  </Text>
                  <InviteStatusBadge status={invite.status} />
                </Group>
                <Text size="sm" c="dimmed">
                  Sent {formatInstant(invite.createdAt)}
                  {invite.status === 'revoked' ? '' : ` · ${lifetimeOf(invite)}`}
                </Text>
                {actions(invite)}
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Sent</Table.Th>
              <Table.Th>Expires / accepted</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invites.map((invite) => (
              <Table.Tr key={invite.id}>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {invite.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <InviteStatusBadge status={invite.status} />
                </Table.Td>
                <Table.Td>{formatInstant(invite.createdAt)}</Table.Td>
                <Table.Td>{invite.status === 'revoked' ? '—' : lifetimeOf(invite)}</Table.Td>
                <Table.Td>{actions(invite)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ProblemAlert error={resend.error} title="The invite was not resent" />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke invite?"
        confirmLabel="Revoke invite"
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
        loading={revoke.isPending}
        error={revoke.error}
      >
        The link sent to <strong>{revoking?.email}</strong> will stop working, and they will not
        join your network through it. You can invite them again later.
      </ConfirmDialog>
    </>
  );
}
