import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDay } from '../components/dates';
import { useCurrentUser } from '../session/session';
import { OfferContractText } from './offer-contract';
import { OfferSignForm } from './offer-sign-form';
import { OfferOutcome, OfferStatusBadge, WithdrawOffer } from './offer-status';

/**
 * One offer, the page the offer email links to. The creator reads the brief and the exact
 * contract, then accepts and signs it or declines; the brand sees where it stands and may
 * withdraw it while it is open.
 */
export function OfferPage() {
  const { offerId = '' } = useParams();
  const me = useCurrentUser();
  const asCreator = me.role === 'creator';
  const offer = useQuery({
    queryKey: ['offers', offerId],
    queryFn: () => call(api.GET('/v1/offers/{id}', { params: { path: { id: offerId } } })),
    // An open offer may be decided by the other party meanwhile.
    refetchInterval: (query) => (query.state.data?.status === 'sent' ? 30_000 : false),
  });

  if (offer.isLoading) return <Loader aria-label="Loading the offer" />;
  if (!offer.data)
    return (
      <Stack>
        <Title order={1}>Offer</Title>
        <ProblemAlert error={offer.error} title="Could not open this offer" />
        <Anchor component={Link} to="/offers">
          See all offers
        </Anchor>
      </Stack>
    );

  const o = offer.data;
  return (
    <Stack maw={760}>
      <Stack gap={4}>
        <Text size="sm" c="gray.7">
          Offer from {o.brandName}
        </Text>
        <Group gap="sm" align="center">
          <Title order={1}>{o.title}</Title>
          <OfferStatusBadge status={o.status} />
        </Group>
      </Stack>

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
          <Term label="Brand">{o.brandName}</Term>
          <Term label="Fee">
            <Money amount={o.fee} currency={o.currency} />
          </Term>
          <Term label="Due date">{formatDay(o.dueDate)}</Term>
          <Term label="Story code">{o.storyCode}</Term>
        </SimpleGrid>
      </Paper>

      <Stack gap="xs">
        <Title order={2}>Brief</Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{o.brief}</Text>
      </Stack>

      <OfferOutcome offer={o} asCreator={asCreator} />
      {o.contract && <OfferContractText contract={o.contract} />}
      {o.status === 'sent' && asCreator && o.contract && (
        <OfferSignForm
          offer={o}
          onSigned={() => {
            // The confirmation is at the top of the page, above the contract.
            window.scrollTo({ top: 0 });
            void offer.refetch();
          }}
        />
      )}
      {o.status === 'sent' && !asCreator && <WithdrawOffer offer={o} />}
    </Stack>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="gray.7" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}
