import {
  Anchor,
  Button,
  Center,
  Container,
  Divider,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { asProblem } from '../api/problem';
import { formatInstant } from '../components/dates';
import { ProblemAlert } from '../components/ProblemAlert';
import { useMe, useSessionActions } from '../session/session';
import { useInvitePreview } from './invite-api';
import { InviteClosed } from './InviteClosed';
import { AcceptAsCreator, CreateAccountForm, LogInAndAcceptForm } from './JoinForms';

/** The public frame of the invite page: the product's name, then one card. */
function InviteFrame({ children }: { children: ReactNode }) {
  return (
    <Container size={480} py="xl" px="md">
      <Text fw={700} size="lg" mb="md" component="p">
        Glimmer
      </Text>
      <Paper withBorder p="lg" radius="md" component="main">
        {children}
      </Paper>
    </Container>
  );
}

/**
 * The link in the invite email (`/invites/accept?token=…`): says which brand invited the
 * creator, and lets them create their account — or log in to an existing one — and join the
 * brand's network; then on to the guided profile. A link that can no longer be used says why
 * and what to do.
 */
export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const preview = useInvitePreview(token);
  const me = useMe();
  const { logOut } = useSessionActions();
  const [mode, setMode] = useState<{ kind: 'create' } | { kind: 'log-in'; reason?: string }>({
    kind: 'create',
  });

  if (!token)
    return (
      <InviteFrame>
        <InviteClosed preview={null} />
      </InviteFrame>
    );
  if (preview.isPending || me.isPending)
    return (
      <InviteFrame>
        <Center py="xl">
          <Loader aria-label="Loading your invite" />
        </Center>
      </InviteFrame>
    );
  if (preview.isError) {
    const problem = asProblem(preview.error);
    // A token we never issued (or mangled): a 4xx, told as "not valid", never a raw error.
    if (problem.status >= 400 && problem.status < 500)
      return (
        <InviteFrame>
          <InviteClosed preview={null} />
        </InviteFrame>
      );
    return (
      <InviteFrame>
        <Stack>
          <Title order={1} size="h2">
            Accept your invite
          </Title>
          <ProblemAlert error={preview.error} title="Could not open your invite" />
          <Button onClick={() => void preview.refetch()} w="fit-content">
            Try again
          </Button>
        </Stack>
      </InviteFrame>
    );
  }

  const invite = preview.data;
  const signedIn = me.data ?? null;
  if (invite.status !== 'sent')
    return (
      <InviteFrame>
        <InviteClosed preview={invite} signedInAsCreator={signedIn?.role === 'creator'} />
      </InviteFrame>
    );

  const onInviteChanged = () => void preview.refetch();
  const formProps = { token, preview: invite, onInviteChanged };
  return (
    <InviteFrame>
      <Stack>
        <Title order={1} size="h2">
          {invite.brandName} invited you to Glimmer
        </Title>
        <Text>
          Join {invite.brandName}&apos;s network: they can then hire you, sign contracts with you
          and pay you quickly.
          {mode.kind === 'create' &&
            !signedIn &&
            ' Next you set up your profile: basic information, a photo, samples of your work and your professional setup.'}
        </Text>
        <Text size="sm" c="dimmed">
          This invite is for {invite.email} and is valid until{' '}
          {formatInstant(invite.expiresAt, 'minute')}.
        </Text>
        <Divider />
        {signedIn?.role === 'creator' ? (
          <AcceptAsCreator {...formProps} email={signedIn.email} />
        ) : signedIn ? (
          <Stack>
            <Text>
              You are logged in as <strong>{signedIn.email}</strong>, which is not a creator
              account. Log out to accept this invite.
            </Text>
            <Button variant="default" onClick={() => void logOut()} w="fit-content">
              Log out
            </Button>
          </Stack>
        ) : mode.kind === 'create' ? (
          <>
            <Title order={2} size="h3">
              Create your account
            </Title>
            <CreateAccountForm
              {...formProps}
              onHasAccount={(reason) => setMode({ kind: 'log-in', reason })}
            />
            <Text size="sm" ta="center">
              Already have a Glimmer account?{' '}
              <Anchor component="button" type="button" onClick={() => setMode({ kind: 'log-in' })}>
                Log in and accept
              </Anchor>
            </Text>
          </>
        ) : (
          <>
            <Title order={2} size="h3">
              Log in to accept
            </Title>
            <LogInAndAcceptForm {...formProps} reason={mode.reason} />
            <Text size="sm" ta="center">
              New to Glimmer?{' '}
              <Anchor component="button" type="button" onClick={() => setMode({ kind: 'create' })}>
                Create your account
              </Anchor>
            </Text>
          </>
        )}
      </Stack>
    </InviteFrame>
  );
}
