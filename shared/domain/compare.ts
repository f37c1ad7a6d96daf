/** Code-point order: unlike localeCompare it is the same on every machine, which digests need. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
