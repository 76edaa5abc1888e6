import { Button, Grid, Loader, Modal, NavLink, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { SMALL_SCREEN } from '../components/screens';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { AddPayoutMethodForm } from './AddPayoutMethodForm';
import { MakePreferredDialog } from './MakePreferredDialog';
import { PayoutMethodCard } from './PayoutMethodCard';
import { PAYOUT_METHODS_KEY, type PayoutMethod, usePayoutMethods } from './payout-methods';

// Mantine greys a titled notification's message (gray.6, below AA contrast); keep it dark.
const READABLE_NOTIFICATION = { description: { color: 'var(--mantine-color-gray-8)' } };

/** Settings → Payout: the creator's payout methods, Add payout method, Make preferred. */
export function PayoutSettingsPage() {
  const methods = usePayoutMethods();
  const [adding, setAdding] = useState(false);
  const [preferring, setPreferring] = useState<PayoutMethod | null>(null);
  const phone = useMediaQuery(SMALL_SCREEN);
  const queryClient = useQueryClient();

  const prefer = useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      call(
        api.POST('/v1/me/payout-methods/{id}/preferred', {
          params: { path: { id } },
          body: { password },
        }),
      ),
    onSuccess: async (method) => {
      setPreferring(null);
      await queryClient.invalidateQueries({ queryKey: PAYOUT_METHODS_KEY });
      notifications.show({
        color: 'green',
        title: 'Preferred payout method changed',
        closeButtonProps: { 'aria-label': 'Dismiss' },
        styles: READABLE_NOTIFICATION,
        message: `You will be paid by ${method.name} from now on.`,
      });
    },
  });

  const saved = (method: PayoutMethod) => {
    setAdding(false);
    const shown = Object.values(method.details).find((v) => v.startsWith('••••'));
    notifications.show({
      color: 'green',
      title: 'Payout method saved',
      closeButtonProps: { 'aria-label': 'Dismiss' },
      styles: READABLE_NOTIFICATION,
      message: `${method.name}${shown ? ` ${shown}` : ''}${method.preferred ? ' is your preferred method.' : ' was added.'}`,
    });
  };

  const list = methods.data?.data ?? [];

  return (
    <Stack>
      <Title order={1}>Settings</Title>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <nav aria-label="Settings">
            <NavLink label="Payout" active aria-current="page" component="span" />
          </nav>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 9 }}>
          <Stack>
            <Title order={2}>Payout</Title>
            <Text c="gray.7">
              How Glimmer pays you. Your preferred method receives every payment; secrets such as
              account numbers are stored encrypted and never shown in full.
            </Text>
            <div>
              <Button onClick={() => setAdding(true)}>Add payout method</Button>
            </div>
            {methods.isLoading && <Loader aria-label="Loading payout methods" />}
            <ProblemAlert error={methods.error} title="Could not load your payout methods" />
            {methods.isSuccess && list.length === 0 && (
              <Text>
                You have no payout method yet. Add one so that brands&apos; payments reach you
                without delay.
              </Text>
            )}
            {list.map((method) => (
              <PayoutMethodCard
                key={method.id}
                method={method}
                onMakePreferred={() => {
                  prefer.reset();
                  setPreferring(method);
                }}
                pending={prefer.isPending && prefer.variables?.id === method.id}
              />
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
      <MakePreferredDialog
        key={preferring?.id ?? 'none'}
        method={preferring}
        onConfirm={(password) => prefer.mutate({ id: preferring!.id, password })}
        onClose={() => setPreferring(null)}
        loading={prefer.isPending}
        error={prefer.error}
      />
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title="Add payout method"
        fullScreen={phone}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <AddPayoutMethodForm onSaved={saved} onCancel={() => setAdding(false)} />
      </Modal>
    </Stack>
  );
}
