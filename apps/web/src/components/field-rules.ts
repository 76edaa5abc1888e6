/** Checks shared by every form that asks for the same kind of value. */

/** Something@somewhere.tld: enough to catch a typo before sending; the server has the last word. */
export function isEmail(value: string): boolean {
  return /^\S+@\S+\.\S+$/.test(value);
}
