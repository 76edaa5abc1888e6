/**
 * Below this width lists are cards, not tables: beside the navigation a table would scroll
 * sideways (and a scrolling region needs its own keyboard focus).
 */
export const NARROW_SCREEN = '(max-width: 62em)';
