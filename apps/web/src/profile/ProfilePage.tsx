import {
  Alert,
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
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { countryName } from '../components/countries';
import { languageName } from '../components/creator-text';
import { ProfileTags } from '../components/ProfileTags';
import { useOwnProfile } from './profile-api';
import { SampleList } from './SampleList';

/** The creator's profile as brands in their network see it, with the way back into the steps. */
export function ProfilePage() {
  const query = useOwnProfile();
  if (query.isPending)
    return (
      <Center h="40vh">
        <Loader aria-label="Loading your profile" />
      </Center>
    );
  if (query.isError)
    return <ProblemAlert error={query.error} title="Could not load your profile" />;

  const creator = query.data;
  const p = creator.profile;
  const name = p.displayName ?? creator.name;
  const location = [p.city, p.country && countryName(p.country)].filter(Boolean).join(', ');
  const unfinished = !p.displayName || !p.country;

  return (
    <Stack maw={820} gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>Profile</Title>
        <Button component={Link} to="/onboarding/basics" variant="default">
          Edit profile
        </Button>
      </Group>
      {unfinished && (
        <Alert color="violet" variant="light" title="Finish your profile">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Brands hire creators whose profile tells them what they do and where they work.
            </Text>
            <Button component={Link} to="/onboarding" size="xs">
              Continue where you stopped
            </Button>
          </Stack>
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        This is how brands in your network see you.
      </Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Stack gap="lg">
          <Group gap="lg" wrap="nowrap" align="center">
            <Avatar
              src={creator.photoUrl ?? undefined}
              alt={creator.photoUrl ? `Profile photo of ${name}` : undefined}
              size={96}
              radius={96}
            >
              {name.slice(0, 1).toUpperCase()}
            </Avatar>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Title order={2} style={{ overflowWrap: 'anywhere' }}>
                {name}
              </Title>
              {location && <Text c="dimmed">{location}</Text>}
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {creator.email}
              </Text>
            </Stack>
          </Group>
          {p.bio ? (
            <Text style={{ whiteSpace: 'pre-line' }}>{p.bio}</Text>
          ) : (
            <Text size="sm" c="dimmed">
              No bio yet.
            </Text>
          )}
          <ProfileTags
            headingOrder={3}
            label="Skills"
            values={p.skills}
            empty="No skills listed yet."
          />
          <ProfileTags
            headingOrder={3}
            label="Equipment"
            values={p.equipment}
            empty="No equipment listed yet."
          />
          <ProfileTags
            headingOrder={3}
            label="Languages"
            values={p.languages.map(languageName)}
            empty="No languages listed yet."
          />
          <Stack gap={6}>
            <Title order={3} size="h5">
              Samples of work
            </Title>
            {creator.samples.length ? (
              <SampleList samples={creator.samples} title="Samples of work" />
            ) : (
              <Text size="sm" c="dimmed">
                No samples yet.
              </Text>
            )}
          </Stack>
        </Stack>
      </Paper>
    </Stack>
  );
}
