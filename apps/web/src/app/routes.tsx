import type { ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireRole } from '../session/RequireRole';
import type { Role } from '../session/session';
import { LoginPage } from '../session/LoginPage';
import { SignUpPage } from '../session/SignUpPage';
import { VerifyEmailPage } from '../session/VerifyEmailPage';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './HomeRedirect';
import { NotFoundPage } from './NotFoundPage';

/**
 * Every page of the app. Feature pages load on demand (one chunk per feature), so the first
 * screen needs only the shell; each feature folder owns its pages.
 */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: await load() }) };
}

function forRoles(roles: Role[], children: RouteObject[]): RouteObject {
  return {
    element: (
      <RequireRole roles={roles}>
        <AppLayout />
      </RequireRole>
    ),
    children,
  };
}

export const routes: RouteObject[] = [
  { path: '/', element: <HomeRedirect /> },
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignUpPage /> },
  // The link in the email verification email: public, the token is the credential.
  { path: '/verify-email', element: <VerifyEmailPage /> },
  // The link in the invite email: public, it creates the creator's account.
  {
    path: '/invites/accept',
    ...page(() => import('../invites/AcceptInvitePage').then((m) => m.AcceptInvitePage)),
  },
  forRoles(
    ['brand'],
    [
      { path: '/reports', element: <Navigate to="/reports/credits" replace /> },
      {
        path: '/reports/credits',
        ...page(() => import('../credits/CreditsPage').then((m) => m.CreditsPage)),
      },
      {
        path: '/reports/invoices',
        ...page(() => import('../invoices/InvoicesPage').then((m) => m.InvoicesPage)),
      },
      {
        path: '/cost-codes',
        ...page(() => import('../cost-codes/CostCodesPage').then((m) => m.CostCodesPage)),
      },
      {
        path: '/network',
        ...page(() => import('../network/NetworkPage').then((m) => m.NetworkPage)),
      },
      {
        path: '/network/creators/:creatorId',
        ...page(() => import('../network/CreatorPage').then((m) => m.CreatorPage)),
      },
    ],
  ),
  forRoles(
    ['brand', 'creator', 'ops'],
    [
      {
        path: '/account/password',
        ...page(() => import('../session/ChangePasswordPage').then((m) => m.ChangePasswordPage)),
      },
    ],
  ),
  forRoles(
    ['brand', 'creator'],
    [
      { path: '/offers', ...page(() => import('../offers/OffersPage').then((m) => m.OffersPage)) },
      {
        path: '/offers/:offerId',
        ...page(() => import('../offers/OfferPage').then((m) => m.OfferPage)),
      },
      {
        path: '/projects',
        ...page(() => import('../projects/ProjectsPage').then((m) => m.ProjectsPage)),
      },
      {
        path: '/projects/:projectId',
        ...page(() => import('../projects/ProjectPage').then((m) => m.ProjectPage)),
      },
    ],
  ),
  forRoles(
    ['creator'],
    [
      {
        path: '/dashboard',
        ...page(() => import('../dashboard/DashboardPage').then((m) => m.DashboardPage)),
      },
      {
        path: '/onboarding/:step?',
        ...page(() => import('../profile/OnboardingPage').then((m) => m.OnboardingPage)),
      },
      {
        path: '/profile',
        ...page(() => import('../profile/ProfilePage').then((m) => m.ProfilePage)),
      },
      { path: '/settings', element: <Navigate to="/settings/payout" replace /> },
      {
        path: '/settings/payout',
        ...page(() => import('../payouts/PayoutSettingsPage').then((m) => m.PayoutSettingsPage)),
      },
    ],
  ),
  forRoles(
    ['ops'],
    [
      { path: '/ops', element: <Navigate to="/ops/ledger" replace /> },
      {
        path: '/ops/ledger',
        ...page(() => import('../ops/LedgerHealthPage').then((m) => m.LedgerHealthPage)),
      },
      {
        path: '/ops/dead-letters',
        ...page(() => import('../ops/DeadLettersPage').then((m) => m.DeadLettersPage)),
      },
      {
        path: '/ops/money',
        ...page(() => import('../ops/MoneyNeedsPersonPage').then((m) => m.MoneyNeedsPersonPage)),
      },
    ],
  ),
  { path: '*', element: <NotFoundPage /> },
];
