import {
  Button,
  Container,
  Paper,
  PasswordInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CURRENCY_CODES, type Currency } from '@glimmer/money/money';
import { api, call } from '../api/client';
import { idempotencyKeyFor, isFinalAnswer, settleIdempotencyKey } from '../api/idempotency';
import { ApiProblem, asProblem, fieldErrors } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { isEmail } from '../components/field-rules';
import { newPasswordRule } from './LogInFields';
import { homeOf, useSessionActions } from './session';

/** A brand signs up: the account, its currency, its finance contact and its first admin. */
export function SignUpPage() {
  const { logIn } = useSessionActions();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    initialValues: {
      name: '',
      currency: 'USD',
      financeEmail: '',
      adminName: '',
      email: '',
      password: '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter the brand name'),
      financeEmail: (v) => (isEmail(v) ? null : 'Enter the email that receives credit invoices'),
      adminName: (v) => (v.trim() ? null : 'Enter your name'),
      email: (v) => (isEmail(v) ? null : 'Enter your email address'),
      password: newPasswordRule,
    },
  });

  const submit = form.onSubmit(async (values) => {
    const body = {
      name: values.name.trim(),
      currency: values.currency as Currency,
      financeEmail: values.financeEmail.trim(),
      admin: {
        name: values.adminName.trim(),
        email: values.email.trim(),
        password: values.password,
      },
    };
    // The key's slot is named by the non-secret fields only; the password never reaches storage.
    const slot = { ...body, admin: { ...body.admin, password: undefined } };
    setPending(true);
    setError(null);
    try {
      await call(
        api.POST('/v1/brands', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKeyFor('sign-up', slot) } },
        }),
      );
      settleIdempotencyKey('sign-up', slot);
      const me = await logIn(body.admin.email, body.admin.password);
      void navigate(homeOf(me.role), { replace: true });
    } catch (err) {
      const problem = asProblem(err);
      if (err instanceof ApiProblem && isFinalAnswer(problem.status, problem.code))
        settleIdempotencyKey('sign-up', slot);
      form.setErrors(
        fieldErrors(problem, {
          'admin.name': 'adminName',
          'admin.email': 'email',
          'admin.password': 'password',
        }),
      );
      if (problem.code === 'email_taken')
        form.setFieldError('email', 'That email already has an account');
      setError(err);
    } finally {
      setPending(false);
    }
  });

  return (
    <Container size={480} py="xl">
      <Title order={1} ta="center" mb="md">
        Create your brand account
      </Title>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={error} title="Could not create the account" />
          <TextInput label="Brand name" required {...form.getInputProps('name')} />
          <Select
            label="Currency"
            description="Credit, invoices and fees are all in this currency"
            data={CURRENCY_CODES}
            allowDeselect={false}
            required
            {...form.getInputProps('currency')}
          />
          <TextInput
            label="Finance contact email"
            description="Credit invoices go here"
            type="email"
            required
            {...form.getInputProps('financeEmail')}
          />
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            {...form.getInputProps('adminName')}
          />
          <TextInput
            label="Your email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={pending} fullWidth>
            Create account
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}
