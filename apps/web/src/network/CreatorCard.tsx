import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from 'react-router';
import { creatorName, locationOf } from '../components/creator-text';
import { type NetworkCreator, useCreator } from './network-api';
import { sampleHref, sampleKind } from './WorkSamples';

const SKILLS_SHOWN = 6;
const SAMPLES_SHOWN = 3;

export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** An in-network creator: photo, name (to their profile), location, skills and a few samples. */
export function CreatorCard({ creator }: { creator: NetworkCreator }) {
  // Photo and samples are only on the creator's own record (see useCreator).
  const detail = useCreator(creator.creatorId);
  const name = creatorName(creator);
  const location = locationOf(creator.profile);
  const skills = creator.profile.skills;
  const samples = detail.data?.samples ?? [];
  const profilePath = `/network/creators/${creator.creatorId}`;

  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={name}>
      <Stack gap="sm">
        <Group wrap="nowrap" align="flex-start">
          <Avatar
            src={detail.data?.photoUrl ?? undefined}
            alt=""
            size={56}
            radius="xl"
            color="violet"
          >
            {initialsOf(name)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={profilePath} fw={700} size="lg">
              {name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {location ?? 'Location not given'}
            </Text>
          </Stack>
        </Group>

        {skills.length > 0 ? (
          <Group gap={6} aria-label="Skills" role="list">
            {skills.slice(0, SKILLS_SHOWN).map((skill) => (
              <Badge key={skill} variant="light" color="gray" tt="none" role="listitem">
                {skill}
              </Badge>
            ))}
            {skills.length > SKILLS_SHOWN && (
              <Text size="xs" c="dimmed" role="listitem">
                +{skills.length - SKILLS_SHOWN} more
              </Text>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            No skills listed yet.
          </Text>
        )}

        <div>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
            Work samples
          </Text>
          {detail.isPending ? (
            <Skeleton h={16} w="60%" />
          ) : samples.length ? (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {samples.slice(0, SAMPLES_SHOWN).map((sample) => {
                const href = sampleHref(sample);
                return (
                  <li key={sample.id}>
                    {href ? (
                      <Anchor
                        href={href}
                        target="_blank"
                        rel="noopener noreferrer"
                        size="sm"
                        underline="always"
                      >
                        {sample.title}
                        <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
                      </Anchor>
                    ) : (
                      <Text size="sm">{sample.title}</Text>
                    )}{' '}
                    <Text span size="xs" c="dimmed">
                      {sampleKind(sample)}
                    </Text>
                  </li>
                );
              })}
              {samples.length > SAMPLES_SHOWN && (
                <li>
                  <Anchor component={Link} to={profilePath} size="sm">
                    All {samples.length} samples
                  </Anchor>
                </li>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              None yet.
            </Text>
          )}
        </div>

        <Group justify="flex-end" gap="xs" mt="auto">
          <Button component={Link} to={profilePath} variant="default" size="xs">
            View profile<VisuallyHidden> of {name}</VisuallyHidden>
          </Button>
          <Button component={Link} to={`${profilePath}?hire=1`} size="xs">
            Hire<VisuallyHidden> {name}</VisuallyHidden>
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
