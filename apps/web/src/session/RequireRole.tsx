import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { homeOf, type Role, useMe } from './session';

/** Pages for one or more roles: nobody logged in goes to log in (and comes back here after). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending)
    return (
      <Center h="60vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (!me.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!roles.includes(me.data.role)) return <Navigate to={homeOf(me.data.role)} replace />;
  return <>{children}</>;
}
