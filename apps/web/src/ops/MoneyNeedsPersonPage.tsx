import { Divider, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ConfirmFundsModal } from './ConfirmFundsModal';
import { DepositDrawer } from './DepositDrawer';
import { DepositsWaiting } from './DepositsWaiting';
import { FindById, type Found } from './FindById';
import type { OpsDeposit } from './ops-money';
import { PayoutDrawer } from './PayoutDrawer';
import { PayoutsNeedingPerson } from './PayoutsNeedingPerson';
import { UnmatchedPayments } from './UnmatchedPayments';

/**
 * Money the system could not move on its own: flagged payouts, deposits without funds, and
 * payments that arrived but cleared nothing.
 */
export function MoneyNeedsPersonPage() {
  const [open, setOpen] = useState<Found | null>(null);
  const [confirming, setConfirming] = useState<OpsDeposit | null>(null);

  return (
    <Stack maw={1200} gap="lg">
      <div>
        <Title order={1}>Money that needs a person</Title>
        <Text c="dimmed">
          Payouts the provider kept refusing, credit whose payment has not been seen, and payments
          that arrived but matched no open credit invoice.
        </Text>
      </div>
      <FindById onFound={setOpen} />
      <Divider />
      <PayoutsNeedingPerson onOpen={(id) => setOpen({ kind: 'payout', id })} />
      <Divider />
      <DepositsWaiting
        onOpen={(id) => setOpen({ kind: 'deposit', id })}
        onConfirmFunds={setConfirming}
      />
      <Divider />
      <UnmatchedPayments />
      <PayoutDrawer
        payoutId={open?.kind === 'payout' ? open.id : null}
        onClose={() => setOpen(null)}
      />
      <DepositDrawer
        depositId={open?.kind === 'deposit' ? open.id : null}
        onClose={() => setOpen(null)}
        onConfirmFunds={setConfirming}
      />
      <ConfirmFundsModal deposit={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}
