import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { formatMoneyText, parseMoney } from '@glimmer/money/money-text';
import { api, call } from '../api/client';
import { asProblem, fieldErrors } from '../api/problem';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import { MoneyInput } from '../components/MoneyInput';
import { ProblemAlert } from '../components/ProblemAlert';
import { DUPLICATE_COST_CODE_PICK_MESSAGE } from '../cost-codes/cost-code-rules';
import { COST_CODES_KEY } from '../cost-codes/cost-code-queries';
import { CostCodeSelect } from './CostCodeSelect';
import type { DepositMade } from './credit-notices';
import { CREDIT_KEY, type CostCode } from './credit-queries';
import {
  destinationLabel,
  destinationRules,
  emptyDestination,
  readDestination,
  type Destination,
  type DestinationValues,
} from './destination';

interface AddCreditValues extends DestinationValues {
  amount: string;
}

type DepositBody =
  | { amount: number; costCodeId: string }
  | { amount: number; costCode: { code: string; name: string } };

function depositBody(amount: number, destination: Destination): DepositBody {
  return 'id' in destination
    ? { amount, costCodeId: destination.id }
    : { amount, costCode: { code: destination.code, name: destination.name } };
}

/**
 * Add Credit (mounted only while open, so every opening starts fresh): pick (or add) the destination cost code, type the amount, confirm it, and the
 * deposit is made — pending until the funds clear, with a credit invoice to finance.
 */
export function AddCreditModal({
  onClose,
  costCodes,
  currency,
  onDeposited,
}: {
  onClose: () => void;
  costCodes: CostCode[];
  currency: string;
  onDeposited: (made: DepositMade) => void;
}) {
  const [confirming, setConfirming] = useState<{ body: DepositBody; label: string } | null>(null);
  // A double click lands before React re-renders the button as disabled; this stops the second.
  const inFlight = useRef(false);
  const form = useForm<AddCreditValues>({
    initialValues: { ...emptyDestination(costCodes), amount: '' },
    validate: {
      ...destinationRules,
      amount: (v) => {
        const parsed = parseMoney(v, currency);
        return parsed.ok ? null : parsed.reason;
      },
    },
  });

  const deposit = useIdempotentMutation({
    action: 'add-credit',
    send: (body: DepositBody, key) =>
      call(
        api.POST('/v1/credit/deposits', { params: { header: { 'Idempotency-Key': key } }, body }),
      ),
    invalidates: [CREDIT_KEY, COST_CODES_KEY],
  });

  const review = form.onSubmit((values) => {
    const parsed = parseMoney(values.amount, currency);
    if (!parsed.ok) return;
    const destination = readDestination(values);
    deposit.reset();
    setConfirming({
      body: depositBody(parsed.minor, destination),
      label: destinationLabel(destination, costCodes),
    });
  });

  const addCredit = async () => {
    if (!confirming || inFlight.current) return;
    inFlight.current = true;
    try {
      const made = await deposit.mutateAsync(confirming.body);
      onDeposited({
        amount: made.amount,
        costCode: confirming.label,
        costCodeId: made.costCodeId,
        creditInvoiceId: made.creditInvoiceId,
      });
      onClose();
    } catch (error) {
      // A refusal about the form's fields goes back to the form, next to the field.
      const problem = asProblem(error);
      if (problem.code === 'duplicate_cost_code') {
        setConfirming(null);
        form.setFieldError('newCode', DUPLICATE_COST_CODE_PICK_MESSAGE);
      } else if (problem.code === 'validation_failed') {
        setConfirming(null);
        form.setErrors(
          fieldErrors(problem, { 'costCode.code': 'newCode', 'costCode.name': 'newName' }),
        );
      }
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <Modal opened onClose={onClose} title="Add Credit" size="md">
      {confirming ? (
        <Stack>
          <Text fw={600} size="lg">
            Add {formatMoneyText(confirming.body.amount, currency)} to {confirming.label}?
          </Text>
          {'costCode' in confirming.body && (
            <Text size="sm">{confirming.body.costCode.code} is created as a new cost code.</Text>
          )}
          <Text size="sm" c="dimmed">
            The credit is pending until your funds clear. A credit invoice for this amount goes to
            your finance contact.
          </Text>
          <ProblemAlert error={deposit.error} currency={currency} title="Credit was not added" />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => setConfirming(null)}
              disabled={deposit.isPending}
            >
              Back
            </Button>
            <Button onClick={() => void addCredit()} loading={deposit.isPending}>
              Add Credit
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={review} noValidate>
          <Stack>
            <CostCodeSelect
              label="Destination cost code"
              description="The cost code that receives the credit"
              costCodes={costCodes}
              select={form.getInputProps('destination')}
              newCode={form.getInputProps('newCode')}
              newName={form.getInputProps('newName')}
            />
            <MoneyInput
              label="Amount"
              description={`In ${currency}`}
              currency={currency}
              required
              {...form.getInputProps('amount')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Continue</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
