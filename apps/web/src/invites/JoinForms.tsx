import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem, asProblem, fieldErrors } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useSessionActions } from '../session/session';
import { LOG_IN_RULES, LogInFields, newPasswordRule } from '../session/LogInFields';
import { type InvitePreview, useAcceptInvite } from './invite-api';

/** Where a creator goes once the invite is accepted: the guided profile (resumed if begun). */
const NEXT = '/onboarding';

/** Answers that mean the invite changed under the page: show its new state instead. */
export const INVITE_STATE_CODES = new Set([
  'invite_already_accepted',
  'invite_expired',
  'invite_revoked',
  'invite_token_invalid',
]);

interface FormProps {
  token: string;
  preview: InvitePreview;
  /** The invite's state changed (used, expired, withdrawn): the page shows it. */
  onInviteChanged: () => void;
}

/** A new creator: name and password make the account, which joins the brand's network. */
export function CreateAccountForm({
  token,
  preview,
  onInviteChanged,
  onHasAccount,
}: FormProps & { onHasAccount: (why: string) => void }) {
  const accept = useAcceptInvite();
  const { logIn } = useSessionActions();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name'),
      password: newPasswordRule,
    },
  });

  const submit = form.onSubmit(async ({ name, password }) => {
    setPending(true);
    setError(null);
    try {
      await accept.mutateAsync({ token, name: name.trim(), password });
    } catch (err) {
      setPending(false);
      const problem = asProblem(err);
      if (problem.code && INVITE_STATE_CODES.has(problem.code)) return onInviteChanged();
      form.setErrors(fieldErrors(problem));
      setError(err);
      return;
    }
    try {
      await logIn(preview.email, password);
      void navigate(NEXT, { replace: true });
    } catch (err) {
      setPending(false);
      // The email already had a creator account (with its own password): log in with that.
      if (err instanceof ApiProblem && err.code === 'invalid_credentials')
        return onHasAccount(
          `${preview.email} already has a Glimmer account. Log in with its password to accept.`,
        );
      setError(err);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={error} title="Could not create your account" />
        <TextInput
          label="Email"
          description="The invite was sent to this address; you log in with it"
          value={preview.email}
          readOnly
        />
        <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
        <PasswordInput
          label="Password"
          description="At least 10 characters"
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={pending} fullWidth>
          Create account and join {preview.brandName}
        </Button>
      </Stack>
    </form>
  );
}

/** A creator who already has an account logs in, then the invite links to that account. */
export function LogInAndAcceptForm({
  token,
  preview,
  onInviteChanged,
  reason,
}: FormProps & { reason?: string }) {
  const accept = useAcceptInvite();
  const { logIn, logOut } = useSessionActions();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    initialValues: { email: preview.email, password: '' },
    validate: LOG_IN_RULES,
  });

  const submit = form.onSubmit(async ({ email, password }) => {
    setPending(true);
    setError(null);
    try {
      const me = await logIn(email.trim(), password);
      if (me.role !== 'creator') {
        await logOut();
        throw new ApiProblem({
          status: 403,
          code: 'forbidden',
          detail: 'That account is not a creator account. Log in with your creator account.',
        });
      }
      await accept.mutateAsync({ token });
      void navigate(NEXT, { replace: true });
    } catch (err) {
      setPending(false);
      const problem = asProblem(err);
      if (problem.code && INVITE_STATE_CODES.has(problem.code)) return onInviteChanged();
      setError(err);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {reason && <Text>{reason}</Text>}
        <ProblemAlert error={error} title="Could not accept the invite" />
        <LogInFields form={form} />
        <Button type="submit" loading={pending} fullWidth>
          Log in and accept
        </Button>
      </Stack>
    </form>
  );
}

/** Already logged in as a creator: one click links the invite to this account. */
export function AcceptAsCreator({
  token,
  preview,
  onInviteChanged,
  email,
}: FormProps & { email: string }) {
  const accept = useAcceptInvite();
  const navigate = useNavigate();
  return (
    <Stack>
      <Text>
        You are logged in as <strong>{email}</strong>. Accept to join {preview.brandName}&apos;s
        network with this account.
      </Text>
      <ProblemAlert error={accept.error} title="Could not accept the invite" />
      <Button
        loading={accept.isPending}
        onClick={() =>
          accept.mutate(
            { token },
            {
              onSuccess: () => void navigate(NEXT, { replace: true }),
              onError: (err) => {
                if (err.code && INVITE_STATE_CODES.has(err.code)) onInviteChanged();
              },
            },
          )
        }
      >
        Accept and join {preview.brandName}
      </Button>
    </Stack>
  );
}
