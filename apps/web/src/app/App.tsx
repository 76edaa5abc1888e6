import {
  MantineProvider,
  Modal,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { SESSION_EXPIRED_EVENT } from '../api/client';
import { ApiProblem } from '../api/problem';
import { ME_QUERY_KEY } from '../session/session';
import { routes } from './routes';

// Light and subtle variants (alerts, badges) print shade 6 on shade 1, under WCAG AA's 4.5:1.
// Here they print shade 9 on shade 0 (4.6:1 or more); colors whose shade 9 is still too pale
// for that (yellow, orange, lime, green) print near-black text on their tint instead.
const PALE_COLORS = new Set(['yellow', 'orange', 'lime', 'green']);
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({
    color: input.color || input.theme.primaryColor,
    theme: input.theme,
  });
  if (!parsed.isThemeColor || (input.variant !== 'light' && input.variant !== 'subtle'))
    return colors;
  const text = PALE_COLORS.has(parsed.color)
    ? 'var(--mantine-color-dark-7)'
    : `var(--mantine-color-${parsed.color}-9)`;
  if (input.variant === 'subtle') return { ...colors, color: text };
  return { ...colors, color: text, background: `var(--mantine-color-${parsed.color}-0)` };
};

const theme = createTheme({
  primaryColor: 'violet',
  defaultRadius: 'md',
  variantColorResolver,
  components: {
    // Mantine's modal close button is an unnamed icon; every dialog's should say what it does.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

// Mantine's dimmed text (gray.6) and error text (red.6) are 3.3:1 on white, below WCAG AA's
// 4.5:1; gray.7 (7:1) and red.8 (5.7:1) pass.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});

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
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
