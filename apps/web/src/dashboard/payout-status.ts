/** States that change by themselves soon: the dashboard polls while one is shown. */
export const MOVING: ReadonlySet<string> = new Set(['scheduled', 'processing']);
