import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';
import { useIdempotentMutation } from '../api/use-idempotent-mutation';

export type OwnProfile = components['schemas']['CreatorDto'];
export type ProfileBody = components['schemas']['ProfileDto'];
export type WorkSample = components['schemas']['WorkSampleDto'];
export type LinkSampleBody = components['schemas']['SampleDto'];

/** Shared with the account menu (app/AppLayout.tsx), which shows the photo from it. */
export const PROFILE_QUERY_KEY = ['me', 'profile'] as const;

export function useOwnProfile() {
  return useQuery({
    queryKey: PROFILE_QUERY_KEY,
    queryFn: () => call(api.GET('/v1/me/profile')),
  });
}

/**
 * PUT takes the whole profile: what is saved, with this page's changes on top, so saving one
 * page never clears another's. The display name starts as the account's name.
 */
export function profileBody(saved: OwnProfile, changes: Partial<ProfileBody>): ProfileBody {
  const p = saved.profile;
  const body: ProfileBody = {
    displayName: p.displayName ?? saved.name,
    bio: p.bio ?? undefined,
    country: p.country ?? undefined,
    city: p.city ?? undefined,
    skills: p.skills,
    languages: p.languages,
    equipment: p.equipment,
    ...changes,
  };
  // Empty optional text is sent as absent, never as "".
  if (!body.bio) delete body.bio;
  if (!body.city) delete body.city;
  if (!body.country) delete body.country;
  return body;
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation<OwnProfile, ApiProblem, ProfileBody>({
    mutationFn: (body) => call(api.PUT('/v1/me/profile', { body })),
    onSuccess: (saved) => queryClient.setQueryData(PROFILE_QUERY_KEY, saved),
  });
}

/** multipart/form-data: the browser sets the boundary (openapi-fetch leaves FormData alone). */
function asForm(fields: Record<string, string | Blob | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    if (value !== undefined) form.append(name, value);
  return form;
}

export function useUploadPhoto() {
  const queryClient = useQueryClient();
  return useMutation<components['schemas']['PhotoDto'], ApiProblem, File>({
    mutationFn: (photo) =>
      call(
        api.POST('/v1/me/profile/photo', {
          body: { photo: '' },
          bodySerializer: () => asForm({ photo }),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROFILE_QUERY_KEY }),
  });
}

/** A link to previous work; one Idempotency-Key per "Add link" (a double click adds it once). */
export function useAddLinkSample() {
  return useIdempotentMutation<LinkSampleBody, WorkSample>({
    action: 'add-work-sample-link',
    send: (body, key) =>
      call(api.POST('/v1/me/samples', { body, params: { header: { 'Idempotency-Key': key } } })),
    invalidates: [[...PROFILE_QUERY_KEY]],
  });
}

export interface FileSampleInput {
  file: File;
  title: string;
  description?: string;
}

/** A file of previous work (the button stays busy while it uploads, so it is sent once). */
export function useAddFileSample() {
  const queryClient = useQueryClient();
  return useMutation<WorkSample, ApiProblem, FileSampleInput>({
    mutationFn: ({ file, title, description }) =>
      call(
        api.POST('/v1/me/samples/file', {
          body: { file: '', title },
          bodySerializer: () => asForm({ file, title, description }),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROFILE_QUERY_KEY }),
  });
}

/** Removes one of the creator's samples (and, on the server, its file). */
export function useRemoveSample() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiProblem, WorkSample>({
    mutationFn: async (sample) => {
      await call(api.DELETE('/v1/me/samples/{id}', { params: { path: { id: sample.id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROFILE_QUERY_KEY }),
  });
}
