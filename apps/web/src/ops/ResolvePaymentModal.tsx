import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, call } from '../api/client';
import { asProblem, fieldErrors } from '../api/problem';
import type { components } from '../api/schema';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { notifyDone } from './notify';
import { UNMATCHED_PAYMENTS_KEY } from './ops-money';

type UnmatchedPayment = components['schemas']['UnmatchedPaymentDto'];
type Resolution = components['schemas']['PaymentResolution'];

const NOTE_MAX = 500;

/** What a person did with the money, in their words; the API's values in the same order. */
const CHOICES: { value: Resolution; label: string; description: string }[] = [
  {
    value: 'refunded',
    label: 'Refunded at the payment provider',
    description: 'The money went back to the payer.',
  },
  {
    value: 'credited_manually',
    label: 'Credited to the brand by hand',
    description: 'For example a new deposit for this amount, marked paid.',
  },
  {
    value: 'reversed_by_provider',
    label: 'Reversed by the provider',
    description: 'A chargeback or a transfer that never settled: there is no money to return.',
  },
];

/**
 * Ops record what they did with a payment that cleared nothing, with a note for the record; it
 * then leaves the open list. Recording moves no money — the refund or the credit happens first,
 * elsewhere — so the dialog says so before anyone chooses.
 */
export function ResolvePaymentModal({
  payment,
  onClose,
}: {
  payment: UnmatchedPayment | null;
  onClose: () => void;
}) {
  const form = useForm<{ resolution: Resolution | ''; note: string }>({
    initialValues: { resolution: '', note: '' },
    validate: {
      resolution: (v) => (v ? null : 'Choose what was done with the money'),
      note: (v) =>
        !v.trim()
          ? 'Say what was done, for example the refund’s reference at the provider'
          : v.length > NOTE_MAX
            ? `Keep the note to ${NOTE_MAX} characters (it has ${v.length})`
            : null,
    },
  });

  const resolve = useIdempotentMutation({
    action: 'resolve-unmatched-payment',
    send: (body: { id: string; resolution: Resolution; note: string }, key) =>
      call(
        api.POST('/v1/ops/unmatched-payments/{id}/resolve', {
          params: { path: { id: body.id }, header: { 'Idempotency-Key': key } },
          body: { resolution: body.resolution, note: body.note },
        }),
      ),
    invalidates: [UNMATCHED_PAYMENTS_KEY],
    onSuccess: () => {
      notifyDone('Payment resolved. It is listed under Resolved.');
      close();
    },
  });

  function close() {
    form.reset();
    resolve.reset();
    onClose();
  }

  const submit = form.onSubmit((values) => {
    if (!payment || !values.resolution) return;
    resolve.mutate(
      { id: payment.id, resolution: values.resolution, note: values.note.trim() },
      { onError: (err) => form.setErrors(fieldErrors(asProblem(err))) },
    );
  });

  return (
    <Modal opened={payment !== null} onClose={close} title="Resolve this payment" centered>
      {payment && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              <Money amount={payment.amount} currency={payment.currency} /> arrived with provider
              reference{' '}
              <Text span ff="monospace" fz="sm">
                {payment.providerReference}
              </Text>{' '}
              and cleared nothing.
            </Text>
            <Text size="sm" fw={500}>
              Recording this moves no money. Refund the payer at the payment provider, or give the
              brand its credit by hand, first; then say here what you did.
            </Text>
            <ProblemAlert error={resolve.error} title="The payment was not resolved" />
            <Radio.Group label="What was done" required {...form.getInputProps('resolution')}>
              <Stack gap="xs" mt="xs">
                {CHOICES.map((c) => (
                  <Radio
                    key={c.value}
                    value={c.value}
                    label={c.label}
                    description={c.description}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label="Note"
              description={`What you did and where, for the record (up to ${NOTE_MAX} characters)`}
              required
              autosize
              minRows={3}
              maxRows={8}
              {...form.getInputProps('note')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={resolve.isPending}>
                Record resolution
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
