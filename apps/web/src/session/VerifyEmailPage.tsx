import { Anchor, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { EMAIL_VERIFICATION_QUERY_KEY } from './email-verification';

/**
 * The page the verification email links to (`/verify-email?token=…`). Public: the token is the
 * credential, so it works on another device than the one that signed up. A link works once.
 */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => call(api.POST('/v1/auth/verify-email', { body: { token } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EMAIL_VERIFICATION_QUERY_KEY }),
  });
  // Once per page: a link works only once, and StrictMode runs effects twice in development.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    verify.mutate();
  }, [verify]);

  return (
    <Container size={480} py="xl">
      <Paper withBorder p="lg" radius="md">
        {verify.isSuccess ? (
          <Stack>
            <Title order={1} size="h2">
              Your email is verified
            </Title>
            <Text>
              {verify.data.email} is confirmed. Glimmer can now send credit invoices to your finance
              contact and invites to creators for your brand.
            </Text>
            <Anchor component={Link} to="/">
              Continue to Glimmer
            </Anchor>
          </Stack>
        ) : verify.isError ? (
          <Stack>
            <Title order={1} size="h2">
              This link cannot be used
            </Title>
            <ProblemAlert error={verify.error} title="Your email was not verified" />
            <Anchor component={Link} to="/">
              Log in to send a new link
            </Anchor>
          </Stack>
        ) : (
          <Stack align="center">
            <Title order={1} size="h2">
              Verifying your email
            </Title>
            <Loader aria-label="Verifying" />
          </Stack>
        )}
      </Paper>
    </Container>
  );
}
