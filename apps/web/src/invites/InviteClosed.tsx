import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { InvitePreview } from './invite-api';

/** Where a creator who opens a used link lands after logging in: their profile, resumed. */
export const AFTER_LOGIN = '/login?next=%2Fonboarding';

/**
 * An invite that can no longer be accepted — already used, expired, withdrawn or not a link
 * we sent — says so, and what to do next. Never a raw error.
 */
export function InviteClosed({
  preview,
  signedInAsCreator = false,
}: {
  preview: InvitePreview | null;
  signedInAsCreator?: boolean;
}) {
  const brand = preview?.brandName ?? 'the brand';
  if (preview?.status === 'accepted')
    return (
      <Closed title="This invite has already been used">
        <Text>
          The invite from {brand} to {preview.email} was accepted, so its account already exists.
          {signedInAsCreator ? ' Carry on with your profile.' : ' Log in to continue.'}
        </Text>
        {signedInAsCreator ? (
          <Button component={Link} to="/onboarding" w="fit-content">
            Go to your profile
          </Button>
        ) : (
          <Button component={Link} to={AFTER_LOGIN} w="fit-content">
            Log in
          </Button>
        )}
      </Closed>
    );
  const headline =
    preview?.status === 'expired'
      ? 'This invite has expired'
      : preview?.status === 'revoked'
        ? 'This invite was withdrawn'
        : 'This invite link is not valid';
  const why =
    preview?.status === 'expired'
      ? `Invites are valid for a limited time, and this one from ${brand} has run out.`
      : preview?.status === 'revoked'
        ? `${brand} withdrew this invite, so it can no longer be accepted.`
        : 'The link may be incomplete (open the whole link from the email) or replaced by a newer invite.';
  return (
    <Closed title={headline}>
      <Text>{why}</Text>
      <Text fw={600}>Ask {brand} to send a new invite.</Text>
      <Text size="sm">
        Already have a Glimmer account?{' '}
        <Anchor component={Link} to={AFTER_LOGIN}>
          Log in
        </Anchor>
      </Text>
    </Closed>
  );
}

function Closed({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
