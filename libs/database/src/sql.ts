/** pg returns bigint and numeric columns as strings; Glimmer's amounts fit in a JS number. */
export function toAmount(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`amount ${value} is outside the safe integer range`);
  return n;
}

/** Timestamps come back as strings or Dates depending on the path; the API speaks ISO 8601. */
export function toIso(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** PostgreSQL's error code for a unique violation. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string } | undefined;
  return e?.code === UNIQUE_VIOLATION && (!constraint || e.constraint === constraint);
}
