import {
  createTheme,
  defaultVariantColorsResolver,
  Modal,
  Notification,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Mantine's theme, adjusted where its defaults fail WCAG AA (axe-core checks every screen).
 * Light and subtle variants (alerts, badges, light buttons) print shade 6 on shade 1, under
 * 4.5:1. Here they print shade 9 on shade 0 (4.6:1 or more); colors whose shade 9 is still too
 * pale for that (yellow, orange, lime, green) print near-black text on their tint instead.
 */
const PALE_COLORS = new Set(['yellow', 'orange', 'lime', 'green']);
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({
    color: input.color || input.theme.primaryColor,
    theme: input.theme,
  });
  if (!parsed.isThemeColor || (input.variant !== 'light' && input.variant !== 'subtle'))
    return colors;
  const text = PALE_COLORS.has(parsed.color)
    ? 'var(--mantine-color-dark-7)'
    : `var(--mantine-color-${parsed.color}-9)`;
  if (input.variant === 'subtle') return { ...colors, color: text };
  return { ...colors, color: text, background: `var(--mantine-color-${parsed.color}-0)` };
};

export const theme = createTheme({
  primaryColor: 'violet',
  // Filled buttons and badges of every color use this shade: at 8, white text stays above
  // 4.5:1 for red and violet too (red.7 is 3.8:1).
  primaryShade: 8,
  defaultRadius: 'md',
  variantColorResolver,
  components: {
    // Mantine's modal close button is an unnamed icon; every dialog's should say what it does.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // Notifications too: an unnamed close icon, and a description in gray.6 (3.3:1 on white).
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    }),
  },
});

/** Dimmed text (gray.6) and error text (red.6) are 3.3:1 on white; gray.7 and red.8 pass. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[8],
  },
  dark: {},
});
