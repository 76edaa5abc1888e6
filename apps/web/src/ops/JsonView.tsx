import { Code } from '@mantine/core';

/**
 * Pretty-printed JSON in a block that scrolls when long; it takes keyboard focus, so keyboard
 * users can scroll it too, and is announced by its label.
 */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    text = String(value);
  }
  return (
    <Code
      block
      tabIndex={0}
      role="region"
      aria-label={label}
      style={{ whiteSpace: 'pre', fontSize: 12, maxHeight: 320, overflow: 'auto' }}
    >
      {text}
    </Code>
  );
}
