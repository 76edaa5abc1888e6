import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** The part of an infinite query the button needs (TanStack Query's `useInfiniteQuery` result). */
type PagedList = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/** Below a paged list: loads the next page, and is gone once there is none. */
export function ShowMoreButton({ list, children }: { list: PagedList; children: ReactNode }) {
  if (!list.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button
        variant="default"
        loading={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      >
        {children}
      </Button>
    </Group>
  );
}
