import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen (375 px phones) instead of squeezing its
 * columns. The scrolling box takes keyboard focus, so arrow keys scroll it too (WCAG 2.1.1,
 * axe scrollable-region-focusable), and it is named by the table's heading.
 */
export function ScrollableTable({
  minWidth,
  labelledBy,
  children,
}: {
  minWidth: number;
  /** The id of the heading that names the table (and so this focusable region). */
  labelledBy: string;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      // Keeps absolutely placed content (visually hidden header text) inside the scrolling box.
      style={{ position: 'relative' }}
      tabIndex={0}
      role="region"
      aria-labelledby={labelledBy}
    >
      {children}
    </Table.ScrollContainer>
  );
}
