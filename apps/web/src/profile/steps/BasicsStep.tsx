import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fieldErrors } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { profileBody, useSaveProfile } from '../profile-api';
import { StepActions, type StepProps } from './StepActions';

/** Page 1: the name brands see and a short bio. */
export function BasicsStep({ profile, onNext }: StepProps) {
  const save = useSaveProfile();
  const form = useForm({
    initialValues: {
      displayName: profile.profile.displayName ?? profile.name,
      bio: profile.profile.bio ?? '',
    },
    validate: {
      displayName: (v) =>
        !v.trim()
          ? 'Enter the name brands will see'
          : v.trim().length > 120
            ? 'Use at most 120 characters'
            : null,
      bio: (v) => (v.length > 4000 ? 'Use at most 4,000 characters' : null),
    },
  });

  const submit = form.onSubmit(({ displayName, bio }) =>
    save.mutate(profileBody(profile, { displayName: displayName.trim(), bio: bio.trim() }), {
      onSuccess: onNext,
      onError: (err) => form.setErrors(fieldErrors(err.problem)),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={save.error} title="Could not save" />
        <TextInput
          label="Display name"
          description="Your name or your studio's, as brands will see it"
          required
          {...form.getInputProps('displayName')}
        />
        <Textarea
          label="Bio"
          description="A few lines about you and the work you do"
          autosize
          minRows={4}
          maxRows={10}
          {...form.getInputProps('bio')}
        />
        <StepActions>
          <Button type="submit" loading={save.isPending}>
            Save and continue
          </Button>
        </StepActions>
      </Stack>
    </form>
  );
}
