import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label and value of a `<DataList>` (a `<dl>`): how detail pages list their facts. */
export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
