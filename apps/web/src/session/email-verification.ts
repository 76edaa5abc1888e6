import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';

export const EMAIL_VERIFICATION_QUERY_KEY = ['me', 'email-verification'] as const;

/** Whether the signed-in brand member has verified their email (deposits and invites need it). */
export function useEmailVerification(enabled: boolean) {
  return useQuery({
    queryKey: EMAIL_VERIFICATION_QUERY_KEY,
    queryFn: () => call(api.GET('/v1/auth/verify-email')),
    enabled,
    staleTime: 30_000,
  });
}

/** Sends a new verification link to the member's own address. */
export function useResendVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/v1/auth/verify-email/resend')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: EMAIL_VERIFICATION_QUERY_KEY }),
  });
}
