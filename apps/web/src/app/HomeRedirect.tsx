import { Center, Loader } from '@mantine/core';
import { Navigate } from 'react-router';
import { homeOf, useMe } from '../session/session';

export function HomeRedirect() {
  const me = useMe();
  if (me.isPending)
    return (
      <Center h="60vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  return <Navigate to={me.data ? homeOf(me.data.role) : '/login'} replace />;
}
