import {
  Anchor,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { homeOf, safeNext, useSessionActions } from './session';

export function LoginPage() {
  const { logIn } = useSessionActions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  const submit = form.onSubmit(async ({ email, password }) => {
    setPending(true);
    setError(null);
    try {
      const me = await logIn(email.trim(), password);
      navigate(next ?? homeOf(me.role), { replace: true });
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
      {params.get('expired') && (
        <Text c="dimmed" ta="center" mb="md">
          Your session ended. Log in again to pick up where you were.
        </Text>
      )}
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={error} title="Could not log in" />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
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
