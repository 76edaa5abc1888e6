import DataLoader from 'dataloader';

export interface CoalesceOptions {
  /** How long the first call waits for company, in ms. */
  windowMs: number;
  /** The most calls in one batch: a full batch goes at once. */
  maxBatch: number;
}

/**
 * Concurrent calls that arrive within `windowMs` (or `maxBatch` of them) become one call of
 * `batch`, which answers each input positionally: a value, or an Error for that caller alone. A
 * thrown error fails every caller of the batch. DataLoader without its cache: every call is
 * sent, so a repeat is the owning service's to de-duplicate, as it is for a lone call.
 */
export function coalesce<In, Out>(
  batch: (inputs: readonly In[]) => Promise<readonly (Out | Error)[]>,
  { windowMs, maxBatch }: CoalesceOptions,
): (input: In) => Promise<Out> {
  const loader = new DataLoader<In, Out>(batch, {
    cache: false,
    maxBatchSize: maxBatch,
    batchScheduleFn: (run) => setTimeout(run, windowMs),
  });
  return (input) => loader.load(input);
}
