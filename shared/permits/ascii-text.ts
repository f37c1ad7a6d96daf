/**
 * trim, toUpperCase and toLowerCase with a shortcut for the text a Trade
 * Database line is made of: short ASCII codes that need no change. The
 * built-ins call into the engine's runtime (case mapping goes through ICU)
 * even when nothing changes, which cost the import about a tenth of its time
 * at a million lines. Each function returns exactly what the built-in would.
 */

/** Printable ASCII other than the space: no character JavaScript's trim removes. */
const keptByTrim = (c: number) => c > 32 && c < 127;

export function trimmed(text: string): string {
  const n = text.length;
  if (n === 0 || (keptByTrim(text.charCodeAt(0)) && keptByTrim(text.charCodeAt(n - 1)))) return text;
  return text.trim();
}

/** The text upper-cased: returned as it is when it is ASCII without a lower-case letter. */
export function upper(text: string): string {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 127 || (c >= 97 && c <= 122)) return text.toUpperCase();
  }
  return text;
}

/** The text lower-cased: returned as it is when it is ASCII without an upper-case letter. */
export function lower(text: string): string {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90)) return text.toLowerCase();
  }
  return text;
}

/** Ten hexadecimal digits, either case: what /^[0-9a-fA-F]{10}$/ accepts, without the regular expression. */
export function isTenHexDigits(text: string): boolean {
  if (text.length !== 10) return false;
  for (let i = 0; i < 10; i += 1) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** One or more ASCII digits: what /^\d+$/ accepts. */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Four ASCII digits: what /^\d{4}$/ accepts. */
export function isFourDigits(text: string): boolean {
  return text.length === 4 && isDigits(text);
}
