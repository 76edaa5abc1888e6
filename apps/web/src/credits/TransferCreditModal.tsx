import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { formatMoneyText, parseMoney } from '@glimmer/money/money-text';
import { api, call } from '../api/client';
import { asProblem, fieldErrors, problemMessage } from '../api/problem';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import { MoneyInput } from '../components/MoneyInput';
import { ProblemAlert } from '../components/ProblemAlert';
import { DUPLICATE_COST_CODE_PICK_MESSAGE } from '../cost-codes/cost-code-rules';
import { COST_CODES_KEY } from '../cost-codes/cost-code-queries';
import { costCodeLabel } from './cost-code-label';
import { CostCodeSelect } from './CostCodeSelect';
import type { TransferMade } from './credit-notices';
import { CREDIT_KEY, type CostCode } from './credit-queries';
import {
  destinationLabel,
  destinationRules,
  emptyDestination,
  readDestination,
  type DestinationValues,
} from './destination';

interface TransferValues extends DestinationValues {
  origin: string | null;
  amount: string;
}

type TransferBody =
  | { amount: number; fromCostCodeId: string; toCostCodeId: string }
  | { amount: number; fromCostCodeId: string; toCostCode: { code: string; name: string } };

/**
 * Transfer Credit (mounted only while open): available credit moves from the origin cost
 * code to the destination, existing or new. Pending credit never moves, so the amount is
 * checked against the origin's available credit before anything is sent.
 */
export function TransferCreditModal({
  onClose,
  costCodes,
  currency,
  onTransferred,
}: {
  onClose: () => void;
  costCodes: CostCode[];
  currency: string;
  onTransferred: (made: TransferMade) => void;
}) {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const originOf = (id: string | null) => costCodes.find((c) => c.id === id);
  const form = useForm<TransferValues>({
    initialValues: { ...emptyDestination(costCodes), origin: null, amount: '' },
    validate: {
      ...destinationRules,
      origin: (v, values) => {
        if (!v) return 'Pick the cost code the credit comes from';
        if (v === values.destination) return 'Pick a cost code other than the destination';
        return null;
      },
      amount: (v, values) => {
        const parsed = parseMoney(v, currency);
        if (!parsed.ok) return parsed.reason;
        const origin = originOf(values.origin);
        if (origin && parsed.minor > origin.available)
          return `Only ${formatMoneyText(origin.available, currency)} is available on ${origin.code}. Pending credit can be moved once it clears.`;
        return null;
      },
    },
  });

  const transfer = useIdempotentMutation({
    action: 'transfer-credit',
    send: (body: TransferBody, key) =>
      call(
        api.POST('/v1/credit/transfers', { params: { header: { 'Idempotency-Key': key } }, body }),
      ),
    invalidates: [CREDIT_KEY, COST_CODES_KEY],
  });

  const send = async (values: TransferValues) => {
    const parsed = parseMoney(values.amount, currency);
    const origin = originOf(values.origin);
    if (!parsed.ok || !origin || inFlight.current) return;
    const destination = readDestination(values);
    const body: TransferBody =
      'id' in destination
        ? { amount: parsed.minor, fromCostCodeId: origin.id, toCostCodeId: destination.id }
        : { amount: parsed.minor, fromCostCodeId: origin.id, toCostCode: destination };
    inFlight.current = true;
    try {
      await transfer.mutateAsync(body);
      onTransferred({
        amount: parsed.minor,
        from: costCodeLabel(origin),
        to: destinationLabel(destination, costCodes),
      });
      onClose();
    } catch (error) {
      const problem = asProblem(error);
      if (problem.code === 'insufficient_available_credit') {
        // The balance changed since the page loaded: say what is there now, and show it.
        form.setFieldError(
          'amount',
          typeof problem.available === 'number'
            ? `Only ${formatMoneyText(problem.available, currency)} is available on ${origin.code} now (it changed since this page loaded). Nothing was moved.`
            : problemMessage(problem, currency),
        );
        transfer.reset();
        void queryClient.invalidateQueries({ queryKey: CREDIT_KEY });
      } else if (problem.code === 'duplicate_cost_code') {
        form.setFieldError('newCode', DUPLICATE_COST_CODE_PICK_MESSAGE);
        transfer.reset();
      } else if (problem.code === 'same_cost_code') {
        form.setFieldError('origin', problemMessage(problem, currency));
        transfer.reset();
      } else if (problem.code === 'validation_failed') {
        form.setErrors(
          fieldErrors(problem, {
            'toCostCode.code': 'newCode',
            'toCostCode.name': 'newName',
            toCostCodeId: 'destination',
            fromCostCodeId: 'origin',
          }),
        );
      }
    } finally {
      inFlight.current = false;
    }
  };

  const origin = originOf(form.values.origin);

  return (
    <Modal opened onClose={onClose} title="Transfer Credit" size="md">
      <form onSubmit={(event) => form.onSubmit(send)(event)} noValidate>
        <Stack>
          <CostCodeSelect
            label="Destination cost code"
            description="The cost code that receives the credit"
            costCodes={costCodes}
            select={form.getInputProps('destination')}
            newCode={form.getInputProps('newCode')}
            newName={form.getInputProps('newName')}
            isDisabled={(c) => c.id === form.values.origin}
          />
          <CostCodeSelect
            label="Origin cost code"
            description="The cost code the credit comes from; only its available credit can move"
            costCodes={costCodes}
            select={form.getInputProps('origin')}
            // Nothing to send from a code without available credit (pending never moves).
            isDisabled={(c) => c.id === form.values.destination || c.available === 0}
          />
          <MoneyInput
            label="Amount"
            description={
              origin
                ? `Up to ${formatMoneyText(origin.available, currency)} (available on ${origin.code})`
                : `In ${currency}`
            }
            currency={currency}
            required
            {...form.getInputProps('amount')}
          />
          <Text size="xs" c="dimmed">
            Pending credit needs to clear before it can be transferred.
          </Text>
          <ProblemAlert error={transfer.error} currency={currency} title="Nothing was moved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={transfer.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={transfer.isPending}>
              Submit Transfer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
