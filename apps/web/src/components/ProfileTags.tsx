import { Badge, Group, Text, Title, type TitleOrder } from '@mantine/core';

/**
 * One list of a creator's profile (skills, equipment, languages) as badges, named for screen
 * readers, with what to say when it is empty. The same on the creator's own Profile page and
 * on the page brands see.
 */
export function ProfileTags({
  label,
  values,
  empty,
  headingOrder = 2,
}: {
  label: string;
  values: string[];
  empty: string;
  headingOrder?: TitleOrder;
}) {
  return (
    <section aria-label={label}>
      <Title order={headingOrder} size="h4" mb={6}>
        {label}
      </Title>
      {values.length ? (
        <Group gap={6} role="list">
          {values.map((value) => (
            <Badge key={value} variant="light" color="gray" tt="none" size="lg" role="listitem">
              {value}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </section>
  );
}
