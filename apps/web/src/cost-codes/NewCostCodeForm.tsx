import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { api, call } from '../api/client';
import { asProblem, fieldErrors } from '../api/problem';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import { ProblemAlert } from '../components/ProblemAlert';
import { CREDIT_KEY } from '../credits/credit-queries';
import { COST_CODES_KEY } from './cost-code-queries';
import {
  costCodeNameProblem,
  costCodeProblem,
  DUPLICATE_COST_CODE_MESSAGE,
} from './cost-code-rules';

/** Creates a cost code: a short code finance types on invoices, and a name people read. */
export function NewCostCodeForm() {
  // Said next to the button (a toast would vanish before a screen reader user reaches it).
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '', name: '' },
    validate: { code: costCodeProblem, name: costCodeNameProblem },
  });
  const create = useIdempotentMutation({
    action: 'create-cost-code',
    send: (body: { code: string; name: string }, key) =>
      call(api.POST('/v1/cost-codes', { params: { header: { 'Idempotency-Key': key } }, body })),
    invalidates: [COST_CODES_KEY, CREDIT_KEY],
  });

  const submit = form.onSubmit(async (values) => {
    setCreated(null);
    try {
      const costCode = await create.mutateAsync({
        code: values.code.trim(),
        name: values.name.trim(),
      });
      setCreated(`${costCode.code} — ${costCode.name} is ready for credit and projects.`);
      form.reset();
    } catch (error) {
      const problem = asProblem(error);
      if (problem.code === 'duplicate_cost_code') {
        form.setFieldError('code', DUPLICATE_COST_CODE_MESSAGE);
        create.reset();
      } else if (problem.code === 'validation_failed') form.setErrors(fieldErrors(problem));
    }
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-cost-code">
      <Title order={2} size="h4" mb="sm" id="new-cost-code">
        New cost code
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Code"
              placeholder="MKT-2027"
              description="Letters, digits and . _ - /"
              autoComplete="off"
              required
              {...form.getInputProps('code')}
            />
            <TextInput
              label="Name"
              placeholder="Marketing 2027"
              description="What the code is for"
              autoComplete="off"
              required
              {...form.getInputProps('name')}
            />
          </SimpleGrid>
          <ProblemAlert error={create.error} title="The cost code was not created" />
          <Group justify="flex-end">
            <Text size="sm" role="status" c="teal.9">
              {created}
            </Text>
            <Button type="submit" loading={create.isPending}>
              Create cost code
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
