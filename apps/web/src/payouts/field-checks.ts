import type { components } from '../api/schema';

type MethodField = components['schemas']['PayoutMethodFieldDto'];

/**
 * The same checks the service makes from the catalogue's metadata, so bad input is shown next
 * to the field and nothing is sent: required fields, and each field's shape (a regex against the
 * value without spaces and hyphens, case-insensitive, as the service normalises it). The service
 * checks more (check digits); its 400 field errors land on the same fields.
 */
export function checkField(field: MethodField, raw: string): string | null {
  const value = raw.trim();
  if (!value) return field.required ? `Enter the ${lowerFirst(stripOptional(field.label))}` : null;
  if (field.pattern && !new RegExp(field.pattern.regex, 'i').test(value.replace(/[\s-]/g, '')))
    return `${stripOptional(field.label)} ${field.pattern.message}`;
  return null;
}

const stripOptional = (label: string) => label.replace(/\s*\(optional\)\s*$/i, '');
const lowerFirst = (text: string) =>
  /^[A-Z]{2}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The service's 400 field errors (`details.<name>`: "must be …") on the form's fields, worded
 * as the form's own checks are ("Routing number is not …"); other fields keep fieldErrors'.
 */
export function detailErrors(
  errors: Record<string, string>,
  fields: MethodField[],
): Record<string, string> {
  const out = { ...errors };
  for (const field of fields) {
    const key = `details.${field.name}`;
    const message = out[key];
    if (message)
      out[key] =
        `${stripOptional(field.label)} ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  }
  return out;
}
