import { Avatar, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fileProblem, PHOTO_RULES } from '../file-checks';
import { useUploadPhoto } from '../profile-api';
import { fileInputA11y } from '../file-input-props';
import { StepActions, type StepProps } from './StepActions';

/**
 * A local preview of the chosen file (made when it is chosen), released when another is chosen
 * or the page closes.
 */
function usePreview() {
  const [url, setUrl] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );
  const show = (file: File | null) => {
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = file ? URL.createObjectURL(file) : null;
    setUrl(current.current);
  };
  return [url, show] as const;
}

/**
 * Page 2: the profile photo. The chosen file is checked here (type and size) and previewed
 * before anything is sent; the server checks it again by its bytes.
 */
export function PhotoStep({ profile, onNext, onBack }: StepProps) {
  const upload = useUploadPhoto();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, showPreview] = usePreview();
  const shown = preview ?? profile.photoUrl ?? undefined;

  const choose = (chosen: File | null) => {
    upload.reset();
    const problem = chosen ? fileProblem(chosen, PHOTO_RULES) : null;
    setFile(chosen);
    setFileError(problem);
    showPreview(problem ? null : chosen);
  };

  const save = () => {
    if (!file) return onNext();
    if (fileError) return;
    upload.mutate(file, { onSuccess: onNext });
  };

  return (
    <Stack>
      <Group gap="lg" wrap="nowrap" align="center">
        <Avatar
          src={shown}
          size={112}
          radius={112}
          alt={shown ? (preview ? 'Preview of your new photo' : 'Your profile photo') : undefined}
        >
          {(profile.profile.displayName ?? profile.name).slice(0, 1).toUpperCase()}
        </Avatar>
        <Text size="sm" c="dimmed">
          {preview
            ? 'This is how your new photo will look.'
            : profile.photoUrl
              ? 'Your current photo. Choose another to replace it.'
              : 'Brands see your photo beside your name. A clear picture of your face or logo works best.'}
        </Text>
      </Group>
      <FileInput
        label="Profile photo"
        description="JPEG, PNG or WebP, at most 5 MB"
        placeholder="Choose a photo"
        accept={PHOTO_RULES.types.join(',')}
        value={file}
        onChange={choose}
        clearable
        {...fileInputA11y('photo')}
        error={fileError}
      />
      <ProblemAlert error={upload.error} title="Could not upload the photo" />
      <StepActions onBack={onBack}>
        {!file && !profile.photoUrl && (
          <Button variant="subtle" onClick={onNext}>
            Skip for now
          </Button>
        )}
        <Button
          onClick={save}
          loading={upload.isPending}
          disabled={!!fileError || (!file && !profile.photoUrl)}
        >
          {file ? 'Upload and continue' : 'Continue'}
        </Button>
      </StepActions>
    </Stack>
  );
}
