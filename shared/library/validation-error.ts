import type { z } from 'zod';

/** One problem in a data file, named precisely enough for a consultant to fix it. */
export interface DataIssue {
  file: string;
  /** The item at fault, e.g. `criteria[3] (7.1(d))`, or '' for the file itself. */
  item: string;
  field: string;
  message: string;
}

export function formatIssue(issue: DataIssue): string {
  const where = [issue.item, issue.field].filter(Boolean).join(' ');
  return `${issue.file}: ${where ? `${where}: ` : ''}${issue.message}`;
}

export class DataValidationError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'DataValidationError';
  }
}

/** Renders a zod path as a JSON path such as `$.criteria[3].facets[0]`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Turns zod's issues into DataIssues, naming each item by its id where it has one. */
export function zodIssues(file: string, data: unknown, error: z.ZodError): DataIssue[] {
  return error.issues.map((issue) => {
    const [collection, index, ...rest] = issue.path;
    if (typeof collection === 'string' && typeof index === 'number') {
      const id = itemId(data, collection, index);
      return {
        file,
        item: `${collection}[${index}]${id ? ` (${id})` : ''}`,
        field: jsonPath(rest).replace(/^\$\.?/, '') || '(item)',
        message: issue.message,
      };
    }
    return { file, item: '', field: jsonPath(issue.path), message: issue.message };
  });
}

function itemId(data: unknown, collection: string, index: number): string | undefined {
  const list = (data as Record<string, unknown> | null)?.[collection];
  const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
  return typeof item?.id === 'string' ? item.id : undefined;
}
