/**
 * Mantine's FileInput shows its placeholder as text inside the button in gray.5 (2:1 on white,
 * below WCAG AA) and its clear button has no name: both fixed for the upload fields here.
 */
export function fileInputA11y(what: string) {
  return {
    clearButtonProps: { 'aria-label': `Remove the chosen ${what}` },
    styles: { placeholder: { color: 'var(--mantine-color-dimmed)' } },
  } as const;
}

/** Mantine's notification close button is an unnamed icon. */
export const NOTIFICATION_A11Y = { closeButtonProps: { 'aria-label': 'Dismiss' } } as const;
