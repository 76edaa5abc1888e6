import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { SESSION_EXPIRED_EVENT } from '../api/client';
import { ApiProblem } from '../api/problem';
import { ME_QUERY_KEY } from '../session/session';
import { routes } from './routes';
import { cssVariablesResolver, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip or 5xx may.
      retry: (count, error) =>
        !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

const router = createBrowserRouter(routes);

/** An expired session (any 401): forget the user and log in again, then come back here. */
function useSessionExpiry() {
  useEffect(() => {
    const onExpired = () => {
      const here = `${window.location.pathname}${window.location.search}`;
      if (window.location.pathname === '/login') return;
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, null);
      void router.navigate(`/login?expired=1&next=${encodeURIComponent(here)}`, { replace: true });
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, onExpired);
  }, []);
}

export function App() {
  useSessionExpiry();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {/* Bottom right: the top-right corner holds the account menu. */}
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
