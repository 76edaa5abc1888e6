import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { UUID } from './ops-money';

export type Found = { kind: 'payout'; id: string } | { kind: 'deposit'; id: string };

/**
 * One box for whatever id ops were given: a payout id, or a credit invoice or deposit id (the
 * brand quotes the invoice, the logs the deposit). Payouts are asked first, then deposits.
 */
export function FindById({ onFound }: { onFound: (found: Found) => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { id: '' },
    validate: {
      id: (v) =>
        UUID.test(v.trim())
          ? null
          : 'Paste a payout, credit invoice or deposit id (such as 3f2b…-…, 36 characters)',
    },
  });
  const notFound = (err: unknown) => err instanceof ApiProblem && err.status === 404;

  const submit = form.onSubmit(async ({ id: raw }) => {
    const id = raw.trim();
    setPending(true);
    setError(null);
    try {
      try {
        await call(api.GET('/v1/ops/payouts/{id}', { params: { path: { id } } }));
        onFound({ kind: 'payout', id });
        return;
      } catch (err) {
        if (!notFound(err)) throw err;
      }
      try {
        const deposit = await call(api.GET('/v1/ops/deposits/{id}', { params: { path: { id } } }));
        onFound({ kind: 'deposit', id: deposit.id });
      } catch (err) {
        if (!notFound(err)) throw err;
        form.setFieldError('id', 'No payout, credit invoice or deposit has this id.');
      }
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate role="search" aria-label="Find by id">
      <Group align="flex-start" wrap="wrap">
        <TextInput
          label="Find by id"
          description="A payout id, a credit invoice id or a deposit id"
          placeholder="00000000-0000-0000-0000-000000000000"
          autoComplete="off"
          spellCheck={false}
          style={{ flex: '1 1 320px' }}
          maw={480}
          {...form.getInputProps('id')}
        />
        <Button type="submit" loading={pending} mt={{ base: 0, xs: 44 }}>
          Find
        </Button>
      </Group>
      <ProblemAlert error={error} title="Could not look it up" />
    </form>
  );
}
