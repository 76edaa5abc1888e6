/**
 * Screen widths the pages adapt to, as `useMediaQuery` queries (Mantine's xs / sm / md
 * breakpoints), so every page switches at the same widths.
 */
/** A phone held upright: steppers go vertical, modals fill the screen. */
export const PHONE_SCREEN = '(max-width: 36em)';
/** A phone or small tablet: tables of a few columns become cards. */
export const SMALL_SCREEN = '(max-width: 48em)';
/**
 * Below this width wide lists are cards, not tables: beside the navigation a table would scroll
 * sideways (and a scrolling region needs its own keyboard focus).
 */
export const NARROW_SCREEN = '(max-width: 62em)';
