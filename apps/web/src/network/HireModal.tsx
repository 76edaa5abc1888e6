import {
  Anchor,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { PHONE_SCREEN } from '../components/screens';
import { Link } from 'react-router';
import { parseMoney } from '@glimmer/money/money-text';
import { api, call } from '../api/client';
import { asProblem, fieldErrors } from '../api/problem';
import type { components } from '../api/schema';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import { MoneyInput } from '../components/MoneyInput';
import { ProblemAlert } from '../components/ProblemAlert';
import { useBrandCurrency } from '../session/session';
import { todayIso } from '../components/dates';
import { useCostCodes } from './network-api';

export type Offer = components['schemas']['OfferDto'];
type NewOffer = components['schemas']['CreateOfferDto'];

/** The API's story code rule (libs/contracts STORY_CODE_PATTERN, the cost code's), checked here first. */
const STORY_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,39}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Typed dates: "2027-04-30" as written, else whatever the browser reads as a date. */
function parseTypedDate(text: string): string | null {
  const value = text.trim();
  if (ISO_DAY.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Hire: the commission details of an offer to an in-network creator, who is emailed. The fee is
 * typed in the brand's currency and sent as integer minor units.
 */
export function HireModal({
  opened,
  onClose,
  creatorId,
  creatorName,
  onSent,
}: {
  opened: boolean;
  onClose: () => void;
  creatorId: string;
  creatorName: string;
  onSent: (offer: Offer) => void;
}) {
  const currency = useBrandCurrency();
  const costCodes = useCostCodes();
  // On a phone the form takes the whole screen: six fields do not fit a floating dialog.
  const phone = useMediaQuery(PHONE_SCREEN);
  const form = useForm({
    initialValues: {
      title: '',
      brief: '',
      fee: '',
      dueDate: null as string | null,
      costCodeId: null as string | null,
      storyCode: '',
    },
    validate: {
      title: (v) =>
        v.trim() ? (v.length > 200 ? 'Keep the title to 200 characters' : null) : 'Enter a title',
      brief: (v) => (v.trim() ? null : 'Describe the work: what, how much, in what form'),
      fee: (v) => {
        const fee = parseMoney(v, currency);
        return fee.ok ? null : fee.reason;
      },
      dueDate: (v) =>
        !v ? 'Choose the due date' : v < todayIso() ? 'The due date must be today or later' : null,
      costCodeId: (v) => (v ? null : 'Choose the cost code this work is paid from'),
      storyCode: (v) =>
        !v.trim()
          ? 'Enter the story code'
          : STORY_CODE.test(v.trim())
            ? null
            : 'Use 1–40 letters, digits or . _ - /, starting with a letter or digit',
    },
  });

  const send = useIdempotentMutation({
    action: 'send-offer',
    send: (body: NewOffer, key) =>
      call(api.POST('/v1/offers', { params: { header: { 'Idempotency-Key': key } }, body })),
    invalidates: [['offers']],
    // The page shows the notice, with a link to the offer (onSent); no toast on top of it.
    onSuccess: (offer) => {
      form.reset();
      onSent(offer);
    },
  });

  function close() {
    send.reset();
    onClose();
  }

  const submit = form.onSubmit((values) => {
    const fee = parseMoney(values.fee, currency);
    if (!fee.ok) return form.setFieldError('fee', fee.reason);
    send.mutate(
      {
        creatorId,
        title: values.title.trim(),
        brief: values.brief.trim(),
        fee: fee.minor,
        dueDate: values.dueDate!,
        costCodeId: values.costCodeId!,
        storyCode: values.storyCode.trim(),
      },
      { onError: (err) => form.setErrors(fieldErrors(asProblem(err))) },
    );
  });

  const noCostCodes = costCodes.isSuccess && costCodes.data.length === 0;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Hire ${creatorName}`}
      size="lg"
      centered
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {creatorName} is emailed the offer and can accept it by signing the contract made from
            these details.
          </Text>
          <ProblemAlert error={send.error} currency={currency} title="The offer was not sent" />
          <ProblemAlert error={costCodes.error} title="Your cost codes could not be loaded" />
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <Textarea
            label="Brief"
            description="What you need, how much of it, and in what form"
            required
            autosize
            minRows={4}
            maxRows={12}
            {...form.getInputProps('brief')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MoneyInput
              label="Fee"
              description={`In ${currency}`}
              currency={currency}
              required
              {...form.getInputProps('fee')}
            />
            <DateInput
              label="Due date"
              description="When the work is due"
              placeholder="YYYY-MM-DD"
              valueFormat="YYYY-MM-DD"
              dateParser={parseTypedDate}
              minDate={todayIso()}
              required
              popoverProps={{ withinPortal: true }}
              {...form.getInputProps('dueDate')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Cost code"
              description="The credit this work is paid from"
              placeholder={costCodes.isPending ? 'Loading…' : 'Choose a cost code'}
              searchable
              nothingFoundMessage="No cost code matches"
              data={(costCodes.data ?? []).map((c) => ({
                value: c.id,
                label: `${c.code} — ${c.name}`,
              }))}
              required
              {...form.getInputProps('costCodeId')}
            />
            <TextInput
              label="Story code"
              description="Your label for the story this is for"
              placeholder="e.g. SPRING-27"
              required
              {...form.getInputProps('storyCode')}
            />
          </SimpleGrid>
          {noCostCodes && (
            <Text size="sm" c="orange.8">
              You have no cost codes yet.{' '}
              <Anchor component={Link} to="/cost-codes" underline="always" inherit>
                Create a cost code
              </Anchor>{' '}
              first, then come back to hire.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={send.isPending}>
              Send offer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
