/**
 * What the server accepts for a new cost code, checked before sending so a typo is explained
 * next to the field. Mirrors COST_CODE_PATTERN in libs/contracts/src/validation.ts (that
 * module pulls in class-validator, which the browser bundle does not need).
 */
const COST_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,39}$/;
const MAX_NAME_LENGTH = 120;

export function costCodeProblem(code: string): string | null {
  const text = code.trim();
  if (!text) return 'Enter a code, for example MKT-2027';
  if (text.length > 40) return 'Use at most 40 characters';
  if (!COST_CODE_PATTERN.test(text))
    return 'Use letters, digits and . _ - / only, starting with a letter or digit';
  return null;
}

export function costCodeNameProblem(name: string): string | null {
  const text = name.trim();
  if (!text) return 'Enter a name, for example Marketing 2027';
  if (text.length > MAX_NAME_LENGTH) return `Use at most ${MAX_NAME_LENGTH} characters`;
  return null;
}

export const DUPLICATE_COST_CODE_MESSAGE =
  'That code is already used by another cost code. Choose another code.';
/** Where the person can pick the existing code instead (Add Credit, Transfer Credit). */
export const DUPLICATE_COST_CODE_PICK_MESSAGE =
  'That code is already used by another cost code. Pick it from the list, or choose another code.';
