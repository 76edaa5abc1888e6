/** A long id shortened for a table cell; the whole id stays in the title and the detail view. */
export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
