import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { ApiProblem } from '../api/problem';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatMoneyText } from '@glimmer/money/money-text';
import { OFFERS_KEY, type Offer } from './offers-api';

/** Withdraw an open offer, after saying what it means; the creator can then no longer accept it. */
export function WithdrawOfferDialog({
  offer,
  partyName,
  onClose,
}: {
  offer: Offer | null;
  partyName?: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const withdraw = useMutation<Offer, ApiProblem, Offer>({
    mutationFn: (o) =>
      call(api.POST('/v1/offers/{id}/withdraw', { params: { path: { id: o.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: OFFERS_KEY }),
    onSuccess: (withdrawn) => {
      notifications.show({
        title: 'Offer withdrawn',
        message: `“${withdrawn.title}” can no longer be accepted.`,
      });
      close();
    },
  });

  function close() {
    withdraw.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      opened={offer !== null}
      title="Withdraw offer?"
      confirmLabel="Withdraw offer"
      cancelLabel="Keep offer"
      onConfirm={() => offer && withdraw.mutate(offer)}
      onClose={close}
      loading={withdraw.isPending}
      error={withdraw.error}
    >
      {offer && (
        <>
          The offer <strong>“{offer.title}”</strong>
          {partyName ? ` to ${partyName}` : ''} for{' '}
          <strong>{formatMoneyText(offer.fee, offer.currency)}</strong> will be withdrawn: it can no
          longer be accepted, and no contract or project is made from it. This cannot be undone.
        </>
      )}
    </ConfirmDialog>
  );
}
