/** Code-point order for ids and codes: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const dutch = new Intl.Collator("nl");

/**
 * Dutch alphabetical order for names shown to people. One collator for the process:
 * `localeCompare(b, "nl")` builds a new one on every call, which made sorting a hundred
 * locations cost more than loading them (issue 7).
 */
export function compareDutch(a: string, b: string): number {
  return dutch.compare(a, b);
}
