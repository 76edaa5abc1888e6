import { Tooltip } from '@mantine/core';
import { formatInstant, MISSING, timeAgo } from '../components/dates';

/** "3 minutes ago" in a list cell; the exact time, to the second, on hover or focus. */
export function TimeAgo({ at }: { at: string | null | undefined }) {
  if (!at) return MISSING;
  return (
    <Tooltip label={formatInstant(at, 'second')}>
      <span>{timeAgo(at)}</span>
    </Tooltip>
  );
}
