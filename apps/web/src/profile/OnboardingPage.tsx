import { Center, Loader, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { PHONE_SCREEN } from '../components/screens';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { useCurrentUser } from '../session/session';
import {
  readReached,
  rememberReached,
  resumeStep,
  STEPS,
  stepIndex,
  type StepSlug,
} from './onboarding-steps';
import { NOTIFICATION_A11Y } from './file-input-props';
import { type OwnProfile, useOwnProfile } from './profile-api';
import { BasicsStep } from './steps/BasicsStep';
import { PhotoStep } from './steps/PhotoStep';
import { SamplesStep } from './steps/SamplesStep';
import { SetupStep } from './steps/SetupStep';
import type { StepProps } from './steps/StepActions';

const PAGES: Record<StepSlug, (props: StepProps) => ReactNode> = {
  basics: BasicsStep,
  photo: PhotoStep,
  samples: SamplesStep,
  setup: SetupStep,
};

function progressOf(p: OwnProfile) {
  return {
    displayName: p.profile.displayName,
    country: p.profile.country,
    hasPhoto: !!p.photoUrl,
    sampleCount: p.samples.length,
  };
}

/**
 * The guided profile (/onboarding/:step): basic information → profile photo → samples of work →
 * professional setup, one page at a time with the progress on top. Each page saves as it goes
 * on; /onboarding alone resumes where the creator stopped, and the last page leads to Profile.
 */
export function OnboardingPage() {
  const { step } = useParams();
  const me = useCurrentUser();
  const profile = useOwnProfile();
  const navigate = useNavigate();
  const isPhone = useMediaQuery(PHONE_SCREEN);
  const index = stepIndex(step);
  const creatorId = me.creatorId ?? me.userId;

  useEffect(() => {
    if (index >= 0) rememberReached(creatorId, STEPS[index].slug);
  }, [creatorId, index]);

  if (profile.isPending)
    return (
      <Center h="40vh">
        <Loader aria-label="Loading your profile" />
      </Center>
    );
  if (profile.isError)
    return <ProblemAlert error={profile.error} title="Could not load your profile" />;

  const saved = profile.data;
  if (index < 0) {
    const resume = resumeStep(progressOf(saved), readReached(creatorId));
    return <Navigate to={resume === 'done' ? '/profile' : `/onboarding/${resume}`} replace />;
  }

  const current = STEPS[index];
  const Page = PAGES[current.slug];
  const goTo = (i: number) => void navigate(`/onboarding/${STEPS[i].slug}`);
  const onNext = () => {
    if (index < STEPS.length - 1) return goTo(index + 1);
    notifications.show({
      ...NOTIFICATION_A11Y,
      color: 'green',
      message: 'Your profile is saved. This is how brands see it.',
    });
    void navigate('/profile');
  };
  const finished = !!saved.profile.country;

  return (
    <Stack maw={720} gap="lg">
      <Title order={1}>{finished ? 'Edit your profile' : 'Create your profile'}</Title>
      <Stepper
        active={index}
        onStepClick={goTo}
        allowNextStepsSelect={finished}
        size={isPhone ? 'sm' : 'md'}
        aria-label="Profile steps"
      >
        {STEPS.map((s, i) => (
          <Stepper.Step
            key={s.slug}
            label={isPhone ? undefined : s.label}
            aria-label={`Step ${i + 1} of ${STEPS.length}: ${s.label}`}
            aria-current={i === index ? 'step' : undefined}
          />
        ))}
      </Stepper>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Stack>
          <div>
            <Text size="sm" c="dimmed">
              Step {index + 1} of {STEPS.length}
            </Text>
            <Title order={2}>{current.label}</Title>
          </div>
          <Page
            key={current.slug}
            profile={saved}
            onNext={onNext}
            onBack={index > 0 ? () => goTo(index - 1) : undefined}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
