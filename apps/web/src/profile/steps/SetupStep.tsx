import { Button, Select, SimpleGrid, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fieldErrors } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { COUNTRY_OPTIONS } from '../../components/countries';
import { profileBody, useSaveProfile } from '../profile-api';
import { StepActions, type StepProps } from './StepActions';

const SKILL_IDEAS = ['Photography', 'Video', 'Editing', 'Illustration', 'Writing', 'Drone'];
const LANGUAGE_IDEAS = ['English', 'German', 'French', 'Spanish', 'Italian', 'Portuguese'];

const tooMany = (limit: number, what: string) => (v: string[]) =>
  v.length > limit ? `List at most ${limit} ${what}` : null;

/** Page 4: equipment, skills, languages and where the creator lives; saving it finishes. */
export function SetupStep({ profile, onNext, onBack }: StepProps) {
  const save = useSaveProfile();
  const p = profile.profile;
  const form = useForm({
    initialValues: {
      equipment: p.equipment,
      skills: p.skills,
      languages: p.languages,
      country: p.country ?? '',
      city: p.city ?? '',
    },
    validate: {
      equipment: tooMany(50, 'items of equipment'),
      skills: tooMany(50, 'skills'),
      languages: tooMany(30, 'languages'),
      country: (v) => (v ? null : 'Choose your country of residence'),
      city: (v) => (v.length > 120 ? 'Use at most 120 characters' : null),
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      profileBody(profile, {
        equipment: values.equipment,
        skills: values.skills,
        languages: values.languages,
        country: values.country,
        city: values.city.trim(),
      }),
      { onSuccess: onNext, onError: (err) => form.setErrors(fieldErrors(err.problem)) },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={save.error} title="Could not save" />
        <TagsInput
          label="Equipment"
          description="Cameras, lenses, lights, drones… press Enter after each"
          placeholder="Add equipment"
          {...form.getInputProps('equipment')}
        />
        <TagsInput
          label="Skills"
          description="Press Enter after each skill"
          placeholder="Add a skill"
          data={SKILL_IDEAS}
          {...form.getInputProps('skills')}
        />
        <TagsInput
          label="Languages"
          description="The languages you work in"
          placeholder="Add a language"
          data={LANGUAGE_IDEAS}
          {...form.getInputProps('languages')}
        />
        <Title order={2} size="h4" mt="sm">
          Location
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Country"
            description="Where you live; it decides how you can be paid"
            placeholder="Choose a country"
            data={COUNTRY_OPTIONS}
            searchable
            required
            nothingFoundMessage="No country matches"
            {...form.getInputProps('country')}
          />
          <TextInput label="City" autoComplete="address-level2" {...form.getInputProps('city')} />
        </SimpleGrid>
        <StepActions onBack={onBack}>
          <Button type="submit" loading={save.isPending}>
            Save and finish
          </Button>
        </StepActions>
      </Stack>
    </form>
  );
}
