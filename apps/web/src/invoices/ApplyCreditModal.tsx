import { Button, DataList, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatMoneyText } from '@glimmer/money/money-text';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, call } from '../api/client';
import { asProblem, problemMessage } from '../api/problem';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import { Money } from '../components/Money';
import { DetailRow } from '../components/DetailRow';
import { MoneyInput } from '../components/MoneyInput';
import { ProblemAlert } from '../components/ProblemAlert';
import {
  type ApplyCreditValues,
  checkApplyCredit,
  type CreditChoice,
  creditChoices,
} from './apply-credit-form';
import { CREDIT_KEY, useCreditOverview } from '../credits/credit-queries';
import { invoiceKeys, type CostCode, type ProjectInvoice, useInvoice } from './invoice-queries';

const NO_COST_CODES: CostCode[] = [];

/** Refusals that are about what was typed or chosen: shown next to that field. */
const FIELD_LEVEL_CODES = ['amount_exceeds_due', 'insufficient_available_credit'];

interface ApplyCreditBody {
  invoiceId: string;
  costCodeId: string;
  amount?: number;
  /** The code is not attached to the project yet: attach it first (harmless if repeated). */
  attach: boolean;
}

function choiceLabel(choice: CreditChoice, currency: string): string {
  return `${choice.code} — ${formatMoneyText(choice.available, currency)} available`;
}

/** The code most likely wanted: an attached one that can pay everything, else the richest. */
function defaultChoice(choices: CreditChoice[], amountDue: number): string {
  const attached = choices.filter((c) => c.attached);
  const pool = attached.some((c) => c.available > 0) ? attached : choices;
  const full = pool.find((c) => c.available >= amountDue);
  const richest = [...pool].sort((a, b) => b.available - a.available)[0];
  return (full ?? richest)?.costCodeId ?? '';
}

/**
 * The Apply Credit pop-up: pick the cost code to draw from (those attached to the project, or
 * another of the brand's, which is then attached) and pay the full amount due or part of it.
 */
export function ApplyCreditModal({
  invoice,
  onClose,
}: {
  invoice: ProjectInvoice | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={invoice !== null} onClose={onClose} title="Apply Credit" size="lg">
      {invoice && <FreshApplyCreditForm shown={invoice} onDone={onClose} />}
    </Modal>
  );
}

/** The form works on the invoice and credit as the server has them now (credit may have moved). */
function FreshApplyCreditForm({ shown, onDone }: { shown: ProjectInvoice; onDone: () => void }) {
  const invoice = useInvoice(shown.id, shown).data ?? shown;
  const costCodes = useCreditOverview({ fresh: true }).data?.costCodes ?? NO_COST_CODES;
  return <ApplyCreditForm invoice={invoice} costCodes={costCodes} onDone={onDone} />;
}

function ApplyCreditForm({
  invoice,
  costCodes,
  onDone,
}: {
  invoice: ProjectInvoice;
  costCodes: CostCode[];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const { currency, amountDue } = invoice;
  const choices = useMemo(
    () => creditChoices(invoice.creditSources, costCodes),
    [invoice.creditSources, costCodes],
  );
  const form = useForm<ApplyCreditValues>({
    initialValues: {
      costCodeId: defaultChoice(choices, amountDue),
      payment: 'full',
      amount: '',
    },
  });
  const chosen = choices.find((c) => c.costCodeId === form.values.costCodeId);

  const mutation = useIdempotentMutation<ApplyCreditBody, ProjectInvoice>({
    action: 'apply-credit',
    send: async ({ invoiceId, costCodeId, amount, attach }, key) => {
      if (attach)
        await call(
          api.POST('/v1/invoices/{id}/cost-codes', {
            params: { path: { id: invoiceId } },
            body: { costCodeId },
          }),
        );
      return call(
        api.POST('/v1/invoices/{id}/apply-credit', {
          params: { path: { id: invoiceId }, header: { 'Idempotency-Key': key } },
          body: amount === undefined ? { costCodeId } : { costCodeId, amount },
        }),
      );
    },
    invalidates: [invoiceKeys.all, CREDIT_KEY, ['cost-codes'], ['projects']],
    onSuccess: (paid) => {
      notifications.show({
        color: 'green',
        title: paid.status === 'paid' ? 'Invoice paid' : 'Partial payment applied',
        message:
          paid.status === 'paid'
            ? `${paid.title} is paid in full with credit.`
            : `${formatMoneyText(paid.amountPaid, currency)} paid so far; ${formatMoneyText(paid.amountDue, currency)} is still due.`,
      });
      onDone();
    },
  });

  // A refusal about the amount or the credit belongs next to that field, not above the form.
  const { error } = mutation;
  const fieldLevel = FIELD_LEVEL_CODES.includes(asProblem(error).code ?? '');

  const submit = form.onSubmit((values) => {
    const check = checkApplyCredit(values, { amountDue, currency, choices });
    if (!check.ok) {
      form.setErrors(check.errors);
      return;
    }
    mutation.reset();
    mutation.mutate(
      {
        invoiceId: invoice.id,
        costCodeId: check.costCodeId,
        amount: check.amount,
        attach: check.attach,
      },
      {
        onError: (failure) => {
          const problem = asProblem(failure);
          // A refusal means what the pop-up showed is out of date: fetch the credit again.
          if (problem.status === 409) {
            void queryClient.invalidateQueries({ queryKey: invoiceKeys.all });
            void queryClient.invalidateQueries({ queryKey: CREDIT_KEY });
          }
          if (!FIELD_LEVEL_CODES.includes(problem.code ?? '')) return;
          const message = problemMessage(problem, currency);
          form.setErrors(
            values.payment === 'partial' ? { amount: message } : { costCodeId: message },
          );
        },
      },
    );
  });

  const attached = choices.filter((c) => c.attached);
  const others = choices.filter((c) => !c.attached);
  const data = [
    { group: 'Attached to this project', items: attached },
    { group: 'Other cost codes (attached when you apply)', items: others },
  ]
    .filter((g) => g.items.length > 0)
    .map((g) => ({
      group: g.group,
      items: g.items.map((c) => ({ value: c.costCodeId, label: choiceLabel(c, currency) })),
    }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DataList size="sm" labelWidth={110}>
          <DetailRow label="Project">{invoice.title}</DetailRow>
          <DetailRow label="Story code">{invoice.storyCode}</DetailRow>
          <DetailRow label="Amount due">
            <Money amount={amountDue} currency={currency} />
          </DetailRow>
        </DataList>
        {error && !fieldLevel && (
          <ProblemAlert error={error} currency={currency} title="Credit was not applied" />
        )}
        {choices.length === 0 ? (
          <Text>
            No cost code has available credit right now. Add Credit on Reports → Credits, then come
            back once the funds have cleared.
          </Text>
        ) : (
          <Select
            label="Cost code to draw from"
            data={data}
            allowDeselect={false}
            required
            description={
              chosen && !chosen.attached
                ? `${chosen.code} is not attached to this project yet; it will be attached so its credit can pay this invoice.`
                : 'Only available credit can be applied; pending credit has to clear first.'
            }
            {...form.getInputProps('costCodeId')}
          />
        )}
        <Radio.Group label="Payment" required {...form.getInputProps('payment')}>
          <Stack gap="xs" mt="xs">
            <Radio
              value="full"
              label="Full amount due"
              description={formatMoneyText(amountDue, currency)}
            />
            <Radio value="partial" label="Partial amount" />
          </Stack>
        </Radio.Group>
        {form.values.payment === 'partial' && (
          <MoneyInput
            currency={currency}
            label="Amount to pay"
            description={
              chosen
                ? `At most ${formatMoneyText(Math.min(amountDue, chosen.available), currency)}`
                : undefined
            }
            required
            data-autofocus
            {...form.getInputProps('amount')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={choices.length === 0}>
            Apply Credit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
