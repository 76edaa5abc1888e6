import {
  createTheme,
  defaultVariantColorsResolver,
  Modal,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Mantine's theme, adjusted where its defaults fail WCAG AA (axe-core checks every screen):
 * light and subtle variants (alerts, badges, light buttons) print shade 6 on a pale tint, under
 * 4.5:1 — shade 9 of the same color passes.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({
    color: input.color || input.theme.primaryColor,
    theme: input.theme,
  });
  if ((input.variant === 'light' || input.variant === 'subtle') && parsed.isThemeColor)
    return { ...colors, color: `var(--mantine-color-${parsed.color}-9)` };
  return colors;
};

export const theme = createTheme({
  primaryColor: 'violet',
  // Shade 7 keeps white text on filled buttons above 4.5:1.
  primaryShade: 7,
  defaultRadius: 'md',
  variantColorResolver,
  components: {
    // Mantine's modal close button is an unnamed icon; every dialog's should say what it does.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
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
