/** NUL and the other C0/C1 control characters, except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export interface TextIssue {
  path: string;
  message: string;
}

/**
 * Walks any parsed JSON value and names every string (or key) that holds a
 * control character. Such text breaks reports, CSV cells and terminals, and
 * NUL truncates strings in some readers: nothing in a register needs it.
 */
export function controlCharacterIssues(value: unknown, path = '$', limit = 20): TextIssue[] {
  const issues: TextIssue[] = [];
  const walk = (node: unknown, at: string): void => {
    if (issues.length >= limit) return;
    if (typeof node === 'string') {
      const match = CONTROL.exec(node);
      if (match) issues.push({ path: at, message: `contains a control character (U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}); remove it` });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${at}[${i}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        if (CONTROL.test(key)) issues.push({ path: at, message: `has a key with a control character (${JSON.stringify(key)})` });
        walk(item, /^[A-Za-z_$][\w$]*$/.test(key) ? `${at}.${key}` : `${at}[${JSON.stringify(key)}]`);
      }
    }
  };
  walk(value, path);
  return issues;
}
