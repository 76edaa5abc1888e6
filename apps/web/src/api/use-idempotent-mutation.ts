import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { idempotencyKeyFor, isFinalAnswer, settleIdempotencyKey } from './idempotency';
import { ApiProblem } from './problem';

/**
 * A money-moving or creating submit: TanStack's mutation with one Idempotency-Key per user
 * action (see idempotency.ts), and the queries it changes refreshed when it succeeds.
 * `isPending` drives the button's progress state; the button is disabled meanwhile.
 */
export function useIdempotentMutation<Body, Result>(options: {
  action: string;
  send: (body: Body, idempotencyKey: string) => Promise<Result>;
  invalidates?: QueryKey[];
  onSuccess?: (result: Result, body: Body) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation<Result, ApiProblem, Body>({
    mutationFn: (body) => options.send(body, idempotencyKeyFor(options.action, body)),
    onSuccess: async (result, body) => {
      settleIdempotencyKey(options.action, body);
      await Promise.all(
        (options.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      options.onSuccess?.(result, body);
    },
    onError: (error, body) => {
      if (error instanceof ApiProblem && isFinalAnswer(error.status, error.code))
        settleIdempotencyKey(options.action, body);
    },
  });
}
