import { PasswordInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { isEmail } from '../components/field-rules';

export type LogInValues = { email: string; password: string };

/** What logging in checks before anything is sent (log-in page and "log in and accept"). */
export const LOG_IN_RULES = {
  email: (v: string) => (isEmail(v) ? null : 'Enter your email address'),
  password: (v: string) => (v ? null : 'Enter your password'),
};

/** A new account's password: the same minimum the server enforces. */
export const newPasswordRule = (v: string) =>
  v.length >= 10 ? null : 'Use at least 10 characters';

/** The email and password fields of a log-in form, filled in by the browser's password manager. */
export function LogInFields({ form }: { form: UseFormReturnType<LogInValues> }) {
  return (
    <>
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
    </>
  );
}
