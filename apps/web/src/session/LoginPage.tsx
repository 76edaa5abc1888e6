import { Anchor, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { homeOf, safeNext, useSessionActions } from './session';
import { LOG_IN_RULES, LogInFields } from './LogInFields';

export function LoginPage() {
  const { logIn } = useSessionActions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: LOG_IN_RULES,
  });

  const submit = form.onSubmit(async ({ email, password }) => {
    setPending(true);
    setError(null);
    try {
      const me = await logIn(email.trim(), password);
      void navigate(next ?? homeOf(me.role), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  });

  return (
    <Container size={420} py="xl">
      <Title order={1} ta="center" mb="xs">
        Log in to Glimmer
      </Title>
      {params.get('passwordChanged') && (
        <Text c="dimmed" ta="center" mb="md">
          Your password was changed and every session signed out. Log in with the new password.
        </Text>
      )}
      {params.get('expired') && (
        <Text c="dimmed" ta="center" mb="md">
          Your session ended. Log in again to pick up where you were.
        </Text>
      )}
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={error} title="Could not log in" />
          <LogInFields form={form} />
          <Button type="submit" loading={pending} fullWidth>
            Log in
          </Button>
          <Text size="sm" ta="center">
            New brand?{' '}
            <Anchor component={Link} to="/signup">
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Container>
  );
}
