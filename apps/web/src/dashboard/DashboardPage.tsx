import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { formatMoneyText } from '@glimmer/money/money-text';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { usePayoutMethods } from '../payouts/payout-methods';
import { formatDay, formatInstant } from '../components/dates';
import { CREATOR_PAYMENT_STATUS } from '../components/payout-status';
import { MOVING } from './payout-status';

const FAST_POLL_MS = 3_000;
// The brand pays the invoice whenever it does: look now and then, not every few seconds.
const SLOW_POLL_MS = 30_000;

/** The creator's Dashboard: the next expected payment, totals, and each project's payment. */
export function DashboardPage() {
  const dashboard = useQuery({
    queryKey: ['me', 'dashboard'],
    queryFn: () => call(api.GET('/v1/me/dashboard')),
    refetchInterval: (query) => {
      const projects = query.state.data?.projects ?? [];
      if (projects.some((p) => MOVING.has(p.payoutStatus))) return FAST_POLL_MS;
      if (projects.some((p) => p.payoutStatus === 'awaiting_invoice_payment')) return SLOW_POLL_MS;
      return false;
    },
  });
  const payouts = useQuery({
    queryKey: ['me', 'payouts'],
    queryFn: () => call(api.GET('/v1/me/payouts', { params: { query: { limit: 50 } } })),
    refetchInterval: (query) =>
      (query.state.data?.data ?? []).some((p) => MOVING.has(p.status)) ||
      (dashboard.data?.projects ?? []).some((p) => MOVING.has(p.payoutStatus))
        ? FAST_POLL_MS
        : false,
  });
  const methods = usePayoutMethods();
  const data = dashboard.data;
  const paidAt = new Map(
    (payouts.data?.data ?? []).filter((p) => p.paidAt).map((p) => [p.projectId, p.paidAt!]),
  );
  const titles = new Map((data?.projects ?? []).map((p) => [p.projectId, p.title]));
  const currency = data?.currency ?? data?.nextPayment?.currency ?? 'USD';

  return (
    <Stack>
      <Title order={1}>Dashboard</Title>
      {methods.isSuccess && methods.data.data.length === 0 && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="payout-method-prompt"
          bg="orange.0"
          style={{ borderColor: 'var(--mantine-color-orange-4)' }}
        >
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h4" id="payout-method-prompt">
              Add your payout method
            </Title>
            <Text size="sm">
              To avoid any delays, make sure you have added and selected your preferred payment
              method.
            </Text>
            <Button component={Link} to="/settings/payout" size="sm">
              Add payout method
            </Button>
          </Stack>
        </Paper>
      )}
      <ProblemAlert error={dashboard.error} title="Could not load your dashboard" />
      {dashboard.isLoading && <Loader aria-label="Loading your dashboard" />}
      {data && (
        <>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Paper
                withBorder
                p="md"
                radius="md"
                h="100%"
                component="section"
                aria-labelledby="next-payment"
              >
                <Text id="next-payment" size="sm" c="gray.7">
                  Next expected payment
                </Text>
                {data.nextPayment ? (
                  <>
                    <Text fw={700} size="xl">
                      <Money
                        amount={data.nextPayment.amount}
                        currency={data.nextPayment.currency}
                      />
                    </Text>
                    <Text size="sm">by {formatDay(data.nextPayment.date)}</Text>
                  </>
                ) : (
                  <Text fw={600}>No payment scheduled</Text>
                )}
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <Paper withBorder p="md" radius="md" h="100%">
                <Text size="sm" c="gray.7">
                  Pending
                </Text>
                <Text fw={700} size="xl">
                  <Money amount={data.pendingTotal} currency={currency} />
                </Text>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <Paper withBorder p="md" radius="md" h="100%">
                <Text size="sm" c="gray.7">
                  Paid
                </Text>
                <Text fw={700} size="xl">
                  <Money amount={data.paidTotal} currency={currency} />
                </Text>
              </Paper>
            </Grid.Col>
          </Grid>

          <Title order={2}>Projects</Title>
          {data.projects.length === 0 ? (
            <Text c="gray.7">
              No projects yet. When a brand hires you, its offer arrives by email and under Offers.
            </Text>
          ) : (
            <Stack gap="xs">
              {data.projects.map((project) => {
                const status = CREATOR_PAYMENT_STATUS[project.payoutStatus];
                return (
                  <Paper key={project.projectId} withBorder p="sm" radius="md">
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/projects/${project.projectId}`} fw={600}>
                        {project.title}
                      </Anchor>
                      <Badge color={status.color} variant="dot">
                        {status.label}
                      </Badge>
                    </Group>
                    <Text size="sm" c="gray.7">
                      {paidAt.get(project.projectId)
                        ? `Paid on ${formatInstant(paidAt.get(project.projectId)!, 'minute')}`
                        : project.expectedPaymentDate
                          ? `Expected payment by ${formatDay(project.expectedPaymentDate)}`
                          : 'No payment date yet'}
                    </Text>
                  </Paper>
                );
              })}
            </Stack>
          )}
        </>
      )}

      <Title order={2}>Payments</Title>
      <ProblemAlert error={payouts.error} title="Could not load your payments" />
      {payouts.data && payouts.data.data.length === 0 && (
        <Text c="gray.7">No payments yet. A payment appears here once a brand pays a project.</Text>
      )}
      {payouts.data && payouts.data.data.length > 0 && (
        // Cards, not a table: they read on a phone without sideways scrolling.
        <Stack gap="xs">
          {payouts.data.data.map((payout) => {
            const status = CREATOR_PAYMENT_STATUS[payout.status];
            const title = titles.get(payout.projectId);
            return (
              <Paper
                key={payout.id}
                withBorder
                p="sm"
                radius="md"
                component="article"
                aria-label={`Payment of ${formatMoneyText(payout.amount, payout.currency)}`}
              >
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={700}>
                    <Money amount={payout.amount} currency={payout.currency} />
                  </Text>
                  <Badge color={status.color} variant="dot">
                    {status.label}
                  </Badge>
                </Group>
                {title && (
                  <Anchor component={Link} to={`/projects/${payout.projectId}`} size="sm">
                    {title}
                  </Anchor>
                )}
                <Text size="sm" c="gray.7">
                  {payout.paidAt
                    ? `Paid on ${formatInstant(payout.paidAt, 'minute')}`
                    : payout.expectedDate
                      ? `Expected by ${formatDay(payout.expectedDate)}`
                      : 'Waiting for your payout method'}
                </Text>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
