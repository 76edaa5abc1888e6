import { Anchor, Container, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Container size="sm" py="xl">
      <main>
        <Title order={1}>Page not found</Title>
        <Text mt="sm">
          There is no page at this address.{' '}
          <Anchor component={Link} to="/">
            Go to your home page
          </Anchor>
          .
        </Text>
      </main>
    </Container>
  );
}
