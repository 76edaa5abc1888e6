import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { ApiProblem, fieldErrors } from '../api/problem';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import type { components } from '../api/schema';
import { ProblemAlert } from '../components/ProblemAlert';

type Offer = components['schemas']['OfferDetailDto'];
type Accepted = components['schemas']['AcceptedOfferDto'];

/**
 * Accept and sign by typing one's full name, or Decline (after a confirmation). The signature
 * carries the SHA-256 of the text on screen: if it changed meanwhile, nothing is signed and the
 * page shows the new text.
 */
export function OfferSignForm({
  offer,
  onSigned,
}: {
  offer: Offer;
  onSigned: (result: Accepted) => void;
}) {
  const queryClient = useQueryClient();
  const offerKey = ['offers', offer.id];
  const [declining, declineDialog] = useDisclosure(false);
  const form = useForm({
    initialValues: { signatureName: '' },
    validate: {
      signatureName: (v) =>
        v.trim().length >= 2 ? null : 'Type your full name to sign the contract',
    },
  });

  const accept = useIdempotentMutation<{ signatureName: string; contractSha256: string }, Accepted>(
    {
      action: `accept-offer:${offer.id}`,
      send: (body, key) =>
        call(
          api.POST('/v1/offers/{id}/accept', {
            params: { path: { id: offer.id }, header: { 'Idempotency-Key': key } },
            body,
          }),
        ),
      invalidates: [offerKey, ['offers'], ['projects'], ['me', 'dashboard']],
      onSuccess: (result) => onSigned(result),
    },
  );

  const decline = useMutation({
    mutationFn: () =>
      call(api.POST('/v1/offers/{id}/decline', { params: { path: { id: offer.id } } })),
    onSuccess: async () => {
      declineDialog.close();
      await queryClient.invalidateQueries({ queryKey: ['offers'] });
    },
  });

  const submit = form.onSubmit(({ signatureName }) =>
    accept.mutate(
      { signatureName: signatureName.trim(), contractSha256: offer.contract!.sha256 },
      {
        onError: (error) => {
          if (error instanceof ApiProblem) {
            form.setErrors(fieldErrors(error.problem));
            // The text changed (or the offer closed): show what is true now.
            void queryClient.invalidateQueries({ queryKey: offerKey });
          }
        },
      },
    ),
  );

  return (
    <Stack component="section" aria-labelledby="sign-heading">
      <Text id="sign-heading" fw={600} component="h2" size="lg" m={0}>
        Accept and sign
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Type your full name to sign"
            description="Typing your name signs the contract above electronically. Glimmer records your name, the time, your IP address and browser, and the SHA-256 of the text."
            required
            autoComplete="name"
            {...form.getInputProps('signatureName')}
          />
          <ProblemAlert
            error={accept.error?.code === 'validation_failed' ? null : accept.error}
            title="The contract was not signed"
          />
          <Group>
            <Button type="submit" loading={accept.isPending}>
              Accept and sign
            </Button>
            <Button variant="default" color="red" onClick={declineDialog.open}>
              Decline
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={declining}
        onClose={declineDialog.close}
        title="Decline this offer?"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack>
          <Text>
            {offer.brandName} will be told you declined “{offer.title}”. You cannot accept it
            afterwards; they would have to send a new offer.
          </Text>
          <ProblemAlert error={decline.error} title="The offer was not declined" />
          <Group justify="flex-end">
            <Button variant="default" onClick={declineDialog.close}>
              Keep the offer
            </Button>
            <Button color="red" loading={decline.isPending} onClick={() => decline.mutate()}>
              Decline offer
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
