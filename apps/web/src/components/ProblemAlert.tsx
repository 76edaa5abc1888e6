import { Alert } from '@mantine/core';
import { asProblem, problemMessage } from '../api/problem';

/** An error as a person reads it, announced to screen readers. */
export function ProblemAlert({
  error,
  currency,
  title = 'That did not work',
}: {
  error: unknown;
  currency?: string;
  title?: string;
}) {
  if (!error) return null;
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      {problemMessage(asProblem(error), currency)}
    </Alert>
  );
}
