import { Button, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMoreButton } from '../components/ShowMoreButton';
import { CreatorCard } from './CreatorCard';
import { InviteCreatorModal } from './InviteCreatorModal';
import { InvitesTable } from './InvitesTable';
import { type Invite, NETWORK_KEY, useInvites, useNetwork } from './network-api';

/** Refreshes the network when the number of accepted invites grows (not on the first load). */
function useRefreshOnAcceptance(invites: Invite[] | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef<number | null>(null);
  const accepted = invites?.filter((i) => i.status === 'accepted').length;
  useEffect(() => {
    if (accepted === undefined) return;
    if (seen.current !== null && accepted > seen.current)
      void queryClient.invalidateQueries({ queryKey: NETWORK_KEY });
    seen.current = accepted;
  }, [accepted, queryClient]);
}

/** "My Network": invite creators, follow the invites, and the in-network creators to hire. */
export function NetworkPage() {
  const [inviting, { open: openInvite, close: closeInvite }] = useDisclosure(false);
  const invites = useInvites();
  const allInvites = (invites.data?.pages ?? [])
    .flatMap((page) => page.data)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // A creator accepting an open invite joins the network: look again while any is out, and
  // at once when the invites show a new acceptance.
  const network = useNetwork({ poll: allInvites.some((i) => i.status === 'sent') });
  useRefreshOnAcceptance(invites.isSuccess ? allInvites : undefined);
  const creators = (network.data?.pages ?? []).flatMap((page) => page.data);

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>My Network</Title>
          <Text c="dimmed">Creators who joined through your invites. Hire them from here.</Text>
        </div>
        <Button onClick={openInvite}>Invite creator</Button>
      </Group>
      <InviteCreatorModal opened={inviting} onClose={closeInvite} />

      <section aria-labelledby="in-network-heading">
        <Title order={2} size="h3" id="in-network-heading" mb="sm">
          In-network creators
        </Title>
        {network.isPending ? (
          <Center py="lg">
            <Loader aria-label="Loading creators" />
          </Center>
        ) : network.isError ? (
          <ProblemAlert error={network.error} title="Your network could not be loaded" />
        ) : creators.length === 0 ? (
          <Text c="dimmed">
            No creators yet. Invite a creator: once they accept, they appear here and you can hire
            them.
          </Text>
        ) : (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md">
              {creators.map((creator) => (
                <CreatorCard key={creator.creatorId} creator={creator} />
              ))}
            </SimpleGrid>
            <ShowMoreButton list={network}>Show more creators</ShowMoreButton>
          </Stack>
        )}
      </section>

      <section aria-labelledby="invites-heading">
        <Title order={2} size="h3" id="invites-heading" mb="sm">
          Invites
        </Title>
        {invites.isPending ? (
          <Center py="lg">
            <Loader aria-label="Loading invites" />
          </Center>
        ) : invites.isError ? (
          <ProblemAlert error={invites.error} title="Your invites could not be loaded" />
        ) : allInvites.length === 0 ? (
          <Text c="dimmed">No invites sent yet.</Text>
        ) : (
          <Stack>
            <InvitesTable invites={allInvites} />
            {invites.hasNextPage && (
              <Group justify="center">
                <Button
                  variant="default"
                  loading={invites.isFetchingNextPage}
                  onClick={() => void invites.fetchNextPage()}
                >
                  Show more invites
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
