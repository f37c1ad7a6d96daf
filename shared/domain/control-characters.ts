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
  // The path is kept as its steps and spelled out only for an issue: every input of every API call
  // passes through here, and building a path string for each of its values cost more than the check.
  const steps: Array<string | number> = [];
  const here = () => path + steps.map((step) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_$][\w$]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`)).join('');
  const walk = (node: unknown): void => {
    if (issues.length >= limit) return;
    if (typeof node === 'string') {
      const match = CONTROL.exec(node);
      if (match) issues.push({ path: here(), message: `contains a control character (U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}); remove it` });
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        steps.push(i);
        walk(node[i]);
        steps.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        if (CONTROL.test(key)) issues.push({ path: here(), message: `has a key with a control character (${JSON.stringify(key)})` });
        steps.push(key);
        walk((node as Record<string, unknown>)[key]);
        steps.pop();
      }
    }
  };
  walk(value);
  return issues;
}
