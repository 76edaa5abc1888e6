import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** The foot of every page of the guided profile: back on the left, the way on to the right. */
export function StepActions({ onBack, children }: { onBack?: () => void; children: ReactNode }) {
  return (
    <Group justify="space-between" mt="md" wrap="wrap-reverse" gap="sm">
      {onBack ? (
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
      ) : (
        <span />
      )}
      <Group gap="sm">{children}</Group>
    </Group>
  );
}

export interface StepProps {
  profile: import('../profile-api').OwnProfile;
  /** Saved: on to the next page (or the Profile page after the last). */
  onNext: () => void;
  onBack?: () => void;
}
