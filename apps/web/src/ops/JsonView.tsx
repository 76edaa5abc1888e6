import { Code, ScrollArea } from '@mantine/core';

/** Pretty-printed JSON in a scrollable, focusable block (keyboard users can scroll it). */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    text = String(value);
  }
  return (
    <ScrollArea.Autosize mah={320} type="auto" tabIndex={0} aria-label={label}>
      <Code block style={{ whiteSpace: 'pre', fontSize: 12 }}>
        {text}
      </Code>
    </ScrollArea.Autosize>
  );
}
