import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { ME_QUERY_KEY } from './session';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/**
 * Account → Change password. The change signs out every session of the account, this one too
 * (a stolen session or an old password stops working), so the page says so and sends the
 * person to log in with the new password.
 */
export function ChangePasswordPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter your current password'),
      newPassword: (v) => (v.length >= 10 ? null : 'Use at least 10 characters'),
      repeat: (v, values) => (v === values.newPassword ? null : 'The two new passwords differ'),
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setPending(true);
    setError(null);
    try {
      await call(api.POST('/v1/auth/password', { body: { currentPassword, newPassword } }));
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, null);
      void navigate('/login?passwordChanged=1', { replace: true });
    } catch (err) {
      if (err instanceof ApiProblem && err.code === 'reauthentication_failed')
        form.setErrors({ currentPassword: 'That is not your current password' });
      else setError(err);
    } finally {
      setPending(false);
    }
  });

  return (
    <Stack maw={480}>
      <Title order={1}>Change password</Title>
      <Text c="gray.7">
        Changing your password signs you out everywhere, on this device too: log in again with the
        new one.
      </Text>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={error} title="Could not change the password" />
          <PasswordInput
            label="Current password"
            required
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 10 characters"
            required
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="Repeat the new password"
            required
            autoComplete="new-password"
            {...form.getInputProps('repeat')}
          />
          <Button type="submit" loading={pending}>
            Change password
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
