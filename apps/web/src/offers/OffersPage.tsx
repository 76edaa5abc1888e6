import {
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMoreButton } from '../components/ShowMoreButton';
import { formatDay } from '../components/dates';
import { NARROW_SCREEN } from '../components/screens';
import { useCurrentUser } from '../session/session';
import { OfferParty, useNetworkNames } from './OfferParty';
import { isOpenOffer, type Offer, useOffers } from './offers-api';
import { OfferStatusBadge } from './OfferStatusBadge';
import { WithdrawOfferDialog } from './WithdrawOfferDialog';

type Viewer = 'brand' | 'creator';

interface RowProps {
  offer: Offer;
  viewer: Viewer;
  names?: Map<string, string>;
  onWithdraw: (offer: Offer) => void;
}

function WithdrawButton({ offer, onWithdraw }: Pick<RowProps, 'offer' | 'onWithdraw'>) {
  return (
    <Button size="xs" variant="subtle" color="red" onClick={() => onWithdraw(offer)}>
      Withdraw<VisuallyHidden> offer “{offer.title}”</VisuallyHidden>
    </Button>
  );
}

/** What can be done with an offer from the list: withdraw it (brand, open), or open its project. */
function OfferActions({ offer, viewer, onWithdraw }: Omit<RowProps, 'names'>) {
  if (viewer === 'brand' && isOpenOffer(offer))
    return <WithdrawButton offer={offer} onWithdraw={onWithdraw} />;
  if (offer.projectId)
    return (
      <Button component={Link} to={`/projects/${offer.projectId}`} size="xs" variant="default">
        Project<VisuallyHidden> for “{offer.title}”</VisuallyHidden>
      </Button>
    );
  return null;
}

function OfferRow({ offer, viewer, names, onWithdraw }: RowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/offers/${offer.id}`} fw={600}>
          {offer.title}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <OfferParty offer={offer} viewer={viewer} names={names} />
      </Table.Td>
      <Table.Td ta="right">
        <Money amount={offer.fee} currency={offer.currency} />
      </Table.Td>
      <Table.Td>{formatDay(offer.dueDate)}</Table.Td>
      <Table.Td>
        <OfferStatusBadge status={offer.status} />
      </Table.Td>
      <Table.Td ta="right">
        <OfferActions offer={offer} viewer={viewer} onWithdraw={onWithdraw} />
      </Table.Td>
    </Table.Tr>
  );
}

/** On a narrow screen: one card per offer, the same facts, nothing to scroll sideways. */
function OfferCard({ offer, viewer, names, onWithdraw }: RowProps) {
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/offers/${offer.id}`} fw={600}>
            {offer.title}
          </Anchor>
          <OfferStatusBadge status={offer.status} />
        </Group>
        <Text size="sm">
          {viewer === 'brand' ? 'To ' : 'From '}
          <OfferParty offer={offer} viewer={viewer} names={names} />
        </Text>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            <Money amount={offer.fee} currency={offer.currency} />
          </Text>
          <Text size="sm" c="dimmed">
            Due {formatDay(offer.dueDate)}
          </Text>
        </Group>
        {((viewer === 'brand' && isOpenOffer(offer)) || offer.projectId) && (
          <Group justify="flex-end">
            <OfferActions offer={offer} viewer={viewer} onWithdraw={onWithdraw} />
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Offers: a brand's sent offers (with Withdraw), or the offers a creator has received. */
export function OffersPage() {
  const me = useCurrentUser();
  const viewer: Viewer = me.role === 'creator' ? 'creator' : 'brand';
  const offers = useOffers();
  const names = useNetworkNames(viewer === 'brand');
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [withdrawing, setWithdrawing] = useState<Offer | null>(null);
  const all = (offers.data?.pages ?? [])
    .flatMap((page) => page.data)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const rowProps = { viewer, names: names.data, onWithdraw: setWithdrawing };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Offers</Title>
        <Text c="dimmed">
          {viewer === 'brand'
            ? 'The offers you sent to creators in your network. Hire a creator from My Network.'
            : 'Offers from your clients. Open one to read the brief and sign the contract.'}
        </Text>
      </div>

      {offers.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading offers" />
        </Center>
      ) : offers.isError ? (
        <ProblemAlert error={offers.error} title="Your offers could not be loaded" />
      ) : all.length === 0 ? (
        <Text c="dimmed">
          {viewer === 'brand' ? (
            <>
              No offers yet. To hire a creator, open{' '}
              <Anchor component={Link} to="/network" underline="always" inherit>
                My Network
              </Anchor>{' '}
              and choose Hire.
            </>
          ) : (
            'No offers yet. When a client hires you, the offer appears here and in your email.'
          )}
        </Text>
      ) : narrow ? (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {all.map((offer) => (
            <OfferCard key={offer.id} offer={offer} {...rowProps} />
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Title</Table.Th>
              <Table.Th>{viewer === 'brand' ? 'Creator' : 'Brand'}</Table.Th>
              <Table.Th ta="right">Fee</Table.Th>
              <Table.Th>Due date</Table.Th>
              <Table.Th>Status</Table.Th>
              {viewer === 'brand' && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {all.map((offer) => (
              <OfferRow key={offer.id} offer={offer} {...rowProps} />
            ))}
          </Table.Tbody>
        </Table>
      )}

      <ShowMoreButton list={offers}>Show more offers</ShowMoreButton>

      <WithdrawOfferDialog
        offer={withdrawing}
        partyName={withdrawing ? names.data?.get(withdrawing.creatorId) : undefined}
        onClose={() => setWithdrawing(null)}
      />
    </Stack>
  );
}
