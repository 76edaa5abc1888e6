import {
  Button,
  Group,
  Loader,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { api, call } from '../api/client';
import { ApiProblem, fieldErrors } from '../api/problem';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';
import { ProblemAlert } from '../components/ProblemAlert';
import { COUNTRY_OPTIONS } from '../components/countries';
import { detailErrors } from './field-checks';
import {
  type AvailableMethod,
  checkField,
  PAYOUT_METHODS_KEY,
  type PayoutMethod,
  useAvailableMethods,
} from './payout-methods';

interface Values {
  country: string | null;
  type: string | null;
  details: Record<string, string>;
  /** The account's password: where money goes changes only with it (never stored). */
  password: string;
}

type AddBody = { type: AvailableMethod['type']; country: string; details: Record<string, string> };

/**
 * Add payout method, as the help center tells it: the country of residence first, then the
 * methods Glimmer offers there, then that method's fields — checked as the service checks them.
 */
export function AddPayoutMethodForm({
  onSaved,
  onCancel,
}: {
  onSaved: (method: PayoutMethod) => void;
  onCancel: () => void;
}) {
  const form = useForm<Values>({
    initialValues: { country: null, type: null, details: {}, password: '' },
  });
  const available = useAvailableMethods(form.values.country);
  const methods = available.data?.data ?? [];
  const method = methods.find((m) => m.type === form.values.type);

  const add = useIdempotentMutation<AddBody, PayoutMethod>({
    action: 'add-payout-method',
    send: (body, key) =>
      call(
        api.POST('/v1/me/payout-methods', {
          params: { header: { 'Idempotency-Key': key } },
          // Sent with the request but kept out of the body the idempotency fingerprint is made of.
          body: { ...body, password: form.getValues().password },
        }),
      ),
    invalidates: [PAYOUT_METHODS_KEY, ['me', 'dashboard']],
    onSuccess: (saved) => onSaved(saved),
  });

  const validate = (values: Values): Record<string, string> => {
    const errors: Record<string, string> = {};
    if (!values.country) errors.country = 'Choose your country of residence';
    if (!values.type) errors.type = 'Choose how you want to be paid';
    for (const field of method?.fields ?? []) {
      const error = checkField(field, values.details[field.name] ?? '');
      if (error) errors[`details.${field.name}`] = error;
    }
    if (!values.password) errors.password = 'Enter your password to confirm this change';
    return errors;
  };

  const submit = form.onSubmit((values) => {
    const errors = validate(values);
    form.setErrors(errors);
    if (Object.keys(errors).length || !method || !values.country) return;
    const details: Record<string, string> = {};
    for (const field of method.fields) {
      const value = (values.details[field.name] ?? '').trim();
      if (value) details[field.name] = value;
    }
    add.mutate(
      { type: method.type, country: values.country, details },
      {
        onError: (error) => {
          if (!(error instanceof ApiProblem)) return;
          if (error.code === 'reauthentication_failed')
            form.setErrors({ password: 'That password is not right. Nothing was saved.' });
          else form.setErrors(detailErrors(fieldErrors(error.problem), method.fields));
        },
      },
    );
  });

  const chooseCountry = (country: string | null) => {
    form.setValues({ country, type: null, details: {} });
    form.clearErrors();
  };

  // Only Payoneer is offered in many countries: nothing to choose then.
  const onlyMethod = methods.length === 1 ? methods[0].type : null;
  useEffect(() => {
    if (onlyMethod) form.setFieldValue('type', onlyMethod);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form is a new object every render
  }, [onlyMethod]);

  const fieldProblem =
    add.error?.code === 'validation_failed' || add.error?.code === 'reauthentication_failed'
      ? null
      : add.error;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label="Country of residence"
          description="The methods Glimmer offers depend on where you live."
          placeholder="Search for your country"
          data={COUNTRY_OPTIONS}
          searchable
          required
          nothingFoundMessage="No country matches"
          value={form.values.country}
          onChange={chooseCountry}
          error={form.errors.country}
          comboboxProps={{ withinPortal: true }}
        />
        {available.isLoading && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Finding the payout methods offered there…</Text>
          </Group>
        )}
        <ProblemAlert error={available.error} title="Could not load the payout methods" />
        {methods.length > 0 && (
          <Radio.Group
            label="Payout method"
            required
            value={form.values.type}
            onChange={(type) => {
              form.setValues({ type, details: {} });
              form.clearErrors();
            }}
            error={form.errors.type}
          >
            <Stack gap="xs" mt="xs">
              {methods.map((m) => (
                <Radio
                  key={m.type}
                  value={m.type}
                  label={m.name}
                  description={m.fields.map((f) => f.label).join(', ')}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {method?.fields.map((field) => (
          <TextInput
            key={`${method.type}.${field.name}`}
            label={field.label}
            placeholder={`e.g. ${field.example}`}
            required={field.required}
            autoComplete="off"
            inputMode={field.pattern?.regex.startsWith('^\\d') ? 'numeric' : undefined}
            description={field.secret ? 'Stored encrypted; only the last digits are shown.' : null}
            {...form.getInputProps(`details.${field.name}`)}
            value={form.values.details[field.name] ?? ''}
          />
        ))}
        {method && (
          <PasswordInput
            label="Your Glimmer password"
            description="Payout details decide where your money goes, so confirm it is you. We email you about every change."
            required
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
        )}
        <ProblemAlert error={fieldProblem} title="Could not save the payout method" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending} disabled={!method}>
            Save payout method
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
