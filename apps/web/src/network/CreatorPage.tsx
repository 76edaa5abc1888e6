import {
  Alert,
  Anchor,
  Avatar,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { initialsOf } from './CreatorCard';
import { formatInstant } from '../components/dates';
import { HireModal, type Offer } from './HireModal';
import { creatorName, languageName, locationOf } from '../components/creator-text';
import { ProfileTags } from '../components/ProfileTags';
import { useCreator } from './network-api';
import { WorkSamples } from './WorkSamples';

/** An in-network creator's profile, with Hire. */
export function CreatorPage() {
  const { creatorId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const creator = useCreator(creatorId);
  // "Hire" on a My Network card lands here with ?hire=1: the form opens at once.
  const [hiring, { open, close }] = useDisclosure(search.get('hire') === '1');
  const [sent, setSent] = useState<Offer | null>(null);

  const back = (
    <Anchor component={Link} to="/network" size="sm">
      ← My Network
    </Anchor>
  );

  if (creator.isPending)
    return (
      <Stack>
        {back}
        <Title order={1}>Creator</Title>
        <Center py="xl">
          <Loader aria-label="Loading the profile" />
        </Center>
      </Stack>
    );

  if (creator.isError) {
    const notInNetwork = creator.error instanceof ApiProblem && creator.error.status === 404;
    return (
      <Stack>
        {back}
        <Title order={1}>Creator</Title>
        {notInNetwork ? (
          <Text>This creator is not in your network. Invite them from My Network first.</Text>
        ) : (
          <ProblemAlert error={creator.error} title="The profile could not be loaded" />
        )}
      </Stack>
    );
  }

  const c = creator.data;
  const name = creatorName(c);
  const location = locationOf(c.profile);
  const closeHire = () => {
    close();
    if (search.has('hire')) setSearch({}, { replace: true });
  };

  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start" gap="md">
        <Group wrap="nowrap" align="center" gap="md" style={{ minWidth: 0 }}>
          <Avatar src={c.photoUrl ?? undefined} alt={`Photo of ${name}`} size={96} radius="50%">
            {initialsOf(name)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            {name !== c.name && <Text c="dimmed">{c.name}</Text>}
            <Text size="sm">{location ?? 'Location not given'}</Text>
            <Text size="sm" c="dimmed">
              In your network since {formatInstant(c.joinedAt)} ·{' '}
              <Anchor href={`mailto:${c.email}`} size="sm" underline="always">
                {c.email}
              </Anchor>
            </Text>
          </Stack>
        </Group>
        <Button size="md" onClick={open}>
          Hire
        </Button>
      </Group>

      {sent && (
        <Alert color="green" title="Offer sent" withCloseButton onClose={() => setSent(null)}>
          {name} has been emailed “{sent.title}”.{' '}
          <Anchor component={Link} to={`/offers/${sent.id}`} underline="always" inherit>
            View the offer
          </Anchor>{' '}
          or see all your{' '}
          <Anchor component={Link} to="/offers" underline="always" inherit>
            offers
          </Anchor>
          .
        </Alert>
      )}

      <Paper withBorder p="md">
        <Stack gap="lg">
          <section aria-label="About">
            <Title order={2} size="h4" mb={6}>
              About
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }} c={c.profile.bio ? undefined : 'dimmed'}>
              {c.profile.bio || 'No bio yet.'}
            </Text>
          </section>
          <ProfileTags label="Skills" values={c.profile.skills} empty="No skills listed yet." />
          <ProfileTags
            label="Languages"
            values={c.profile.languages.map(languageName)}
            empty="No languages listed yet."
          />
          <ProfileTags
            label="Equipment"
            values={c.profile.equipment}
            empty="No equipment listed yet."
          />
        </Stack>
      </Paper>

      <section aria-labelledby="samples-heading">
        <Title order={2} size="h3" id="samples-heading" mb="sm">
          Work samples
        </Title>
        <WorkSamples samples={c.samples} />
      </section>

      <HireModal
        opened={hiring}
        onClose={closeHire}
        creatorId={c.creatorId}
        creatorName={name}
        onSent={(offer) => {
          setSent(offer);
          closeHire();
        }}
      />
    </Stack>
  );
}
