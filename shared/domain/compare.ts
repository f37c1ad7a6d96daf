/** Code-point order: unlike localeCompare it is the same on every machine, which digests need. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Natural order for titles people number: "Control 3" < "Control 20" < "Control 307" < "Control 3026".
 * Runs of digits compare as numbers, other text case-insensitively, both by
 * code point, so the order is the same on every machine and in every language.
 */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const p = x[i]!;
    const q = y[i]!;
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    const order = numeric ? Number(p) - Number(q) || p.length - q.length : compareStrings(p.toLowerCase(), q.toLowerCase());
    if (order !== 0) return Math.sign(order);
  }
  return x.length - y.length || compareStrings(a, b);
}
