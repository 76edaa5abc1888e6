import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import type { PayoutMethod } from './payout-methods';

/**
 * Make preferred, confirmed with the account's password: it decides where every payment goes,
 * so a stolen session alone cannot redirect the money. Says what will happen and that the
 * creator is emailed about it.
 */
export function MakePreferredDialog({
  method,
  onConfirm,
  onClose,
  loading,
  error,
}: {
  method: PayoutMethod | null;
  onConfirm: (password: string) => void;
  onClose: () => void;
  loading: boolean;
  error: unknown;
}) {
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const wrong = error instanceof ApiProblem && error.code === 'reauthentication_failed';
  const close = () => {
    setPassword('');
    setMissing(false);
    onClose();
  };
  return (
    <Modal opened={method !== null} onClose={close} title="Make preferred" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!password) return setMissing(true);
          onConfirm(password);
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">
            Every payment will go to {method?.name} from now on. We will email you about this
            change.
          </Text>
          <PasswordInput
            label="Your Glimmer password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setMissing(false);
            }}
            error={
              missing
                ? 'Enter your password to confirm this change'
                : wrong
                  ? 'That password is not right. Nothing was changed.'
                  : null
            }
            data-autofocus
          />
          {!wrong && <ProblemAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Make preferred
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
