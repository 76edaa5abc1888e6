import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { api, call } from '../api/client';
import { asProblem, fieldErrors } from '../api/problem';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import { isEmail } from '../components/field-rules';
import { ProblemAlert } from '../components/ProblemAlert';
import { INVITES_KEY } from './network-api';

const MESSAGE_MAX = 2000;

/** Invite a creator by email; the link with its token travels only in the email. */
export function InviteCreatorModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm({
    initialValues: { email: '', message: '' },
    validate: {
      email: (v) => (isEmail(v.trim()) ? null : 'Enter the creator’s email address'),
      message: (v) =>
        v.length > MESSAGE_MAX ? `Keep the message to ${MESSAGE_MAX} characters` : null,
    },
  });

  const invite = useIdempotentMutation({
    action: 'invite-creator',
    send: (body: { email: string; message?: string }, key) =>
      call(api.POST('/v1/invites', { params: { header: { 'Idempotency-Key': key } }, body })),
    invalidates: [INVITES_KEY],
    onSuccess: (sent) => {
      notifications.show({
        color: 'green',
        title: 'Invite sent',
        message: `${sent.email} will get an email with a link to join your network.`,
      });
      close();
    },
  });

  function close() {
    form.reset();
    invite.reset();
    onClose();
  }

  const submit = form.onSubmit((values) => {
    const message = values.message.trim();
    invite.mutate(
      { email: values.email.trim(), ...(message ? { message } : {}) },
      { onError: (err) => form.setErrors(fieldErrors(asProblem(err))) },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title="Invite creator" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            The creator gets an email with a link to create their Glimmer account. Once they accept,
            they appear in My Network and you can hire them.
          </Text>
          <ProblemAlert error={invite.error} title="The invite was not sent" />
          <TextInput
            label="Creator’s email"
            type="email"
            autoComplete="off"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <Textarea
            label="Personal message"
            description="Optional, shown in the invite email"
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('message')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invite
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
