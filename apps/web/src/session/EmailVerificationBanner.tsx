import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { ProblemAlert } from '../components/ProblemAlert';
import type { Me } from './session';
import { useEmailVerification, useResendVerification } from './email-verification';

/**
 * "Check your email" for a brand member who has not opened their verification link yet: until
 * they do, Glimmer refuses to send credit invoices or invites for the brand (the Add Credit and
 * Invite forms then say why), so the notice says so and offers to send the link again.
 */
export function EmailVerificationBanner({ me }: { me: Me }) {
  const verification = useEmailVerification(me.role === 'brand');
  const resend = useResendVerification();
  if (me.role !== 'brand' || !verification.data || verification.data.verified) return null;
  return (
    <Alert color="yellow" variant="light" title="Check your email" mb="md">
      <Stack gap="xs">
        <Text size="sm">
          We sent a link to <strong>{verification.data.email}</strong>. Open it to verify your
          address: until you do, Glimmer sends no credit invoices to your finance contact and no
          invites to creators, so adding credit and inviting wait for it.
        </Text>
        <Group gap="sm">
          <Button
            size="xs"
            variant="default"
            loading={resend.isPending}
            onClick={() => resend.mutate()}
          >
            Resend the email
          </Button>
          {resend.isSuccess && (
            <Text size="sm" role="status">
              Sent. The new link replaces the earlier ones.
            </Text>
          )}
        </Group>
        <ProblemAlert error={resend.error} title="Could not send the email" />
      </Stack>
    </Alert>
  );
}
