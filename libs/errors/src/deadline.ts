/**
 * The one deadline helper (here because a deadline turns a hang into an error): `work` or a rejection after `ms`, whichever comes first, with the
 * timer cleared either way. `timeoutError` names what did not answer (a dependency's error code,
 * say); by default the error says only how long it waited. The work itself is not cancelled —
 * callers use this where an answer that comes later is harmless (or is reconciled later).
 */
export async function withDeadline<T>(
  ms: number,
  work: Promise<T>,
  timeoutError: () => Error = () => new Error(`no answer within ${ms} ms`),
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timeoutError()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
