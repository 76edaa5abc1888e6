import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { Money } from '../components/Money';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DEPOSITS_KEY, type OpsDeposit } from './ops-money';
import { notifyDone } from './notify';

/**
 * Ops saw the money arrive (a bank transfer checked by hand): the deposit's funds are confirmed
 * and its credit clears. Confirming twice changes nothing, so a double click is harmless.
 */
export function ConfirmFundsModal({
  deposit,
  onClose,
}: {
  deposit: OpsDeposit | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: (d: OpsDeposit) =>
      call(
        api.POST('/v1/ops/credit-invoices/{id}/mark-paid', {
          params: { path: { id: d.creditInvoiceId } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: DEPOSITS_KEY });
      notifyDone('Funds confirmed. The credit becomes available to the brand in a moment.');
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened={deposit !== null}
      title="Confirm the funds arrived?"
      confirmLabel="Confirm funds"
      color="violet"
      loading={confirm.isPending}
      error={confirm.error}
      onConfirm={() => deposit && confirm.mutate(deposit)}
      onClose={() => {
        confirm.reset();
        onClose();
      }}
    >
      {deposit ? (
        <Text>
          Only confirm when <Money amount={deposit.amount} currency={deposit.currency} /> for credit
          invoice{' '}
          <Text span ff="monospace" fz="sm">
            {deposit.creditInvoiceId}
          </Text>{' '}
          is in Glimmer’s account. The brand can then spend it on {deposit.costCode.code}.
        </Text>
      ) : (
        ''
      )}
    </ConfirmDialog>
  );
}
