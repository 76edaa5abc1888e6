import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatMoneyText } from '@glimmer/money/money-text';
import { api, call } from '../api/client';
import type { ApiProblem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { COST_CODES_KEY } from '../cost-codes/cost-code-queries';
import type { CreditCancelled } from './credit-notices';
import { CREDIT_KEY, type CreditInvoice } from './credit-queries';

/**
 * Deleting an unpaid credit invoice cancels its credit: the confirmation says how much pending
 * credit leaves which cost code, and that finance must treat the invoice as VOID. (DELETE
 * needs no Idempotency-Key: voiding twice is refused, it cannot move money twice.)
 */
export function CancelCreditModal({
  invoice,
  costCode,
  financeContact,
  onClose,
  onCancelled,
}: {
  invoice: CreditInvoice;
  /** How the invoice's cost code reads in a sentence ("MKT-2027 — Marketing 2027"). */
  costCode: string;
  financeContact: string;
  onClose: () => void;
  onCancelled: (cancelled: CreditCancelled) => void;
}) {
  const queryClient = useQueryClient();
  const amount = formatMoneyText(invoice.amount, invoice.currency);
  const cancel = useMutation<unknown, ApiProblem>({
    mutationFn: () =>
      call(api.DELETE('/v1/credit-invoices/{id}', { params: { path: { id: invoice.id } } })),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: CREDIT_KEY }),
        queryClient.invalidateQueries({ queryKey: COST_CODES_KEY }),
      ]);
      onCancelled({ amount: invoice.amount, costCode });
      onClose();
    },
    // A refusal (it was paid meanwhile) changes what the page shows: refresh it.
    onError: () => void queryClient.invalidateQueries({ queryKey: CREDIT_KEY }),
  });

  return (
    <Modal opened onClose={onClose} title="Delete this credit invoice?" size="md">
      <Stack>
        <Text>
          {amount} of pending credit will be removed from {costCode}.
        </Text>
        <Text size="sm">
          The credit invoice becomes <strong>VOID</strong>. We email {financeContact} so they do not
          pay it — please remind your finance department too.
        </Text>
        <ProblemAlert
          error={cancel.error}
          currency={invoice.currency}
          title="The credit was not cancelled"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={cancel.isPending}>
            Keep credit
          </Button>
          <Button
            // red.8: white on the default red.6 is 3.3:1, under WCAG AA.
            color="red.8"
            onClick={() => cancel.mutate()}
            loading={cancel.isPending}
          >
            Cancel credit
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
