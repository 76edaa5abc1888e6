import { Anchor, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { ProblemAlert } from '../components/ProblemAlert';
import { OfferCallout } from './offer-callout';
import { formatDay, formatInstant } from '../components/dates';

type Offer = components['schemas']['OfferDetailDto'];
type Status = Offer['status'];

export const OFFER_STATUS: Record<Status, { label: string; color: string }> = {
  sent: { label: 'Open', color: 'blue' },
  accepted: { label: 'Accepted and signed', color: 'green' },
  declined: { label: 'Declined', color: 'gray' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
  expired: { label: 'Expired', color: 'orange' },
};

export function OfferStatusBadge({ status }: { status: Status }) {
  const s = OFFER_STATUS[status];
  return (
    <Badge color={s.color} variant="dot">
      {s.label}
    </Badge>
  );
}

/** What happened to an offer that is no longer open, in words for either party. */
export function OfferOutcome({ offer, asCreator }: { offer: Offer; asCreator: boolean }) {
  const when = offer.decidedAt ? ` on ${formatInstant(offer.decidedAt, 'minute')}` : '';
  if (offer.status === 'accepted') {
    const signed = offer.contract?.signedAt;
    return (
      <OfferCallout color="green" title="Contract signed">
        <Stack gap="xs">
          <Text size="sm">
            {asCreator ? 'You signed' : 'The creator signed'} the contract
            {offer.contract?.signatureName ? ` as “${offer.contract.signatureName}”` : ''}
            {signed ? ` on ${formatInstant(signed, 'minute')}` : when}. The project is active.
          </Text>
          {offer.projectId && (
            <Anchor component={Link} to={`/projects/${offer.projectId}`} fw={600} size="sm">
              Open the project
            </Anchor>
          )}
        </Stack>
      </OfferCallout>
    );
  }
  const text: Record<Exclude<Status, 'accepted' | 'sent'>, string> = {
    declined: `${asCreator ? 'You declined' : 'The creator declined'} this offer${when}. It is closed.`,
    withdrawn: `${asCreator ? `${offer.brandName} withdrew` : 'You withdrew'} this offer${when}. It is closed.`,
    expired: `This offer expired: its due date (${formatDay(offer.dueDate)}) has passed, so it can no longer be accepted.`,
  };
  if (offer.status === 'sent') return null;
  return (
    <OfferCallout color="gray" title="This offer is closed">
      <Text size="sm">{text[offer.status]}</Text>
    </OfferCallout>
  );
}

/** The brand's side of an open offer: it waits for the creator, and may be withdrawn. */
export function WithdrawOffer({ offer }: { offer: Offer }) {
  const [open, dialog] = useDisclosure(false);
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () =>
      call(api.POST('/v1/offers/{id}/withdraw', { params: { path: { id: offer.id } } })),
    onSuccess: async () => {
      dialog.close();
      await queryClient.invalidateQueries({ queryKey: ['offers'] });
    },
  });
  return (
    <Stack gap="xs">
      <Text>Waiting for the creator to accept and sign, or decline.</Text>
      <Group>
        <Button variant="default" color="red" onClick={dialog.open}>
          Withdraw offer
        </Button>
      </Group>
      <Modal
        opened={open}
        onClose={dialog.close}
        title="Withdraw this offer?"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack>
          <Text>
            The creator can no longer accept “{offer.title}”. To hire them for it later, send a new
            offer.
          </Text>
          <ProblemAlert error={withdraw.error} title="The offer was not withdrawn" />
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              Keep the offer
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
              Withdraw offer
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
