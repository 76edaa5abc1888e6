import { Button, FileInput, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldErrors } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fileProblem, SAMPLE_FILE_RULES } from '../file-checks';
import { useAddFileSample, useAddLinkSample, useRemoveSample } from '../profile-api';
import { SampleList } from '../SampleList';
import { fileInputA11y, NOTIFICATION_A11Y } from '../file-input-props';
import { StepActions, type StepProps } from './StepActions';

function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const added = (title: string) =>
  notifications.show({
    ...NOTIFICATION_A11Y,
    color: 'green',
    message: `Added “${title}” to your samples`,
  });

function AddLinkForm() {
  const add = useAddLinkSample();
  const form = useForm({
    initialValues: { title: '', url: '', description: '' },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the sample a title'),
      url: (v) =>
        isWebLink(v.trim()) ? null : 'Enter the full link, starting with https:// or http://',
    },
  });
  const submit = form.onSubmit((values) => {
    const body = {
      title: values.title.trim(),
      url: values.url.trim(),
      ...(values.description.trim() ? { description: values.description.trim() } : {}),
    };
    add.mutate(body, {
      onSuccess: () => {
        form.reset();
        added(body.title);
      },
      onError: (err) => form.setErrors(fieldErrors(err.problem)),
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={add.error} title="Could not add the link" />
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <TextInput
          label="Link"
          type="url"
          placeholder="https://"
          required
          {...form.getInputProps('url')}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Button type="submit" variant="light" loading={add.isPending} w="fit-content">
          Add link
        </Button>
      </Stack>
    </form>
  );
}

function AddFileForm() {
  const add = useAddFileSample();
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm<{ title: string; description: string; file: File | null }>({
    initialValues: { title: '', description: '', file: null },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the sample a title'),
      file: (v) => (v ? null : 'Choose a file'),
    },
  });
  const submit = form.onSubmit((values) => {
    if (!values.file || fileError) return;
    const title = values.title.trim();
    add.mutate(
      {
        file: values.file,
        title,
        ...(values.description.trim() ? { description: values.description.trim() } : {}),
      },
      {
        onSuccess: () => {
          form.reset();
          added(title);
        },
        onError: (err) => form.setErrors(fieldErrors(err.problem)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={add.error} title="Could not upload the file" />
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <FileInput
          label="File"
          description="An image (JPEG, PNG, WebP), a PDF or an MP4 video, at most 10 MB"
          placeholder="Choose a file"
          accept={SAMPLE_FILE_RULES.types.join(',')}
          required
          clearable
          {...fileInputA11y('file')}
          {...form.getInputProps('file')}
          onChange={(file) => {
            add.reset();
            form.setFieldValue('file', file);
            const problem = file ? fileProblem(file, SAMPLE_FILE_RULES) : null;
            setFileError(problem);
            form.setFieldError('file', problem);
          }}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Button type="submit" variant="light" loading={add.isPending} w="fit-content">
          Upload file
        </Button>
      </Stack>
    </form>
  );
}

/** Page 3: samples of previous work, as links or files; what is added is listed at once. */
export function SamplesStep({ profile, onNext, onBack }: StepProps) {
  const count = profile.samples.length;
  const remove = useRemoveSample();
  return (
    <Stack>
      <Title order={2} size="h4">
        Your samples {count > 0 && `(${count})`}
      </Title>
      <ProblemAlert error={remove.error} title="Could not remove the sample" />
      {count > 0 ? (
        <SampleList
          samples={profile.samples}
          title="Your samples"
          removingId={remove.isPending ? remove.variables?.id : undefined}
          onRemove={(sample) =>
            remove.mutate(sample, {
              onSuccess: () =>
                notifications.show({
                  ...NOTIFICATION_A11Y,
                  color: 'green',
                  message: `Removed “${sample.title}” from your samples`,
                }),
            })
          }
        />
      ) : (
        <Text c="dimmed" size="sm">
          No samples yet. Add links to work you are proud of, or upload files.
        </Text>
      )}
      <Tabs defaultValue="link" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="link">Add a link</Tabs.Tab>
          <Tabs.Tab value="file">Upload a file</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="link" pt="md">
          <AddLinkForm />
        </Tabs.Panel>
        <Tabs.Panel value="file" pt="md">
          <AddFileForm />
        </Tabs.Panel>
      </Tabs>
      <StepActions onBack={onBack}>
        <Button variant={count > 0 ? 'filled' : 'subtle'} onClick={onNext}>
          {count > 0 ? 'Continue' : 'Skip for now'}
        </Button>
      </StepActions>
    </Stack>
  );
}
