import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';

export type Me = components['schemas']['MeDto'];
export type Role = Me['role'];

export const ME_QUERY_KEY = ['me'] as const;

/** Who is logged in (from the session cookie); `null` when nobody is. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ME_QUERY_KEY,
    queryFn: async () => {
      try {
        return await call(api.GET('/v1/me'));
      } catch (err) {
        if (err instanceof ApiProblem && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** The logged-in user; only for pages behind RequireRole. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside RequireRole');
  return data;
}

/** The brand account's currency (brand pages) — money is typed and shown in it. */
export function useBrandCurrency(): string {
  return useCurrentUser().currency ?? 'USD';
}

export function useSessionActions() {
  const queryClient = useQueryClient();
  return {
    async logIn(email: string, password: string): Promise<Me> {
      const me = await call(api.POST('/v1/auth/session', { body: { email, password } }));
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, me);
      return me;
    },
    async logOut(): Promise<void> {
      await call(api.DELETE('/v1/auth/session')).catch(() => undefined);
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  };
}

/** Where each role lands after logging in. */
export function homeOf(role: Role): string {
  if (role === 'brand') return '/reports/credits';
  if (role === 'creator') return '/dashboard';
  return '/ops/ledger';
}

/** A `next` target from the address bar, only if it is a path on this site. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}
