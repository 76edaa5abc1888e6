import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';

export type InvitePreview = components['schemas']['InvitePreviewDto'];
type AcceptedInvite = components['schemas']['AcceptedInviteDto'];
interface AcceptBody {
  token: string;
  name?: string;
  password?: string;
}

/** Who invited which email, and whether the invite can still be accepted (public). */
export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: ['invite-preview', token],
    queryFn: () => call(api.GET('/v1/invites/preview', { params: { query: { token } } })),
    enabled: token.length > 0,
    staleTime: 30_000,
  });
}

/**
 * Accepting an invite. The token makes it idempotent (the same token and creator answer the
 * same result), so a double click or a retry never makes a second account; the route takes no
 * Idempotency-Key. Without a session `name` and `password` create the account; signed in as a
 * creator, the token alone links the invite to that account.
 */
export function useAcceptInvite() {
  return useMutation<AcceptedInvite, ApiProblem, AcceptBody>({
    mutationFn: (body) => call(api.POST('/v1/invites/accept', { body })),
  });
}
