/** Small helpers for the JSON-in-TEXT columns and for "row or not found". */
import { RegisterError } from './errors.js';

export function jsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

export function toJsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function found<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new RegisterError('not_found', `${what} does not exist`);
  return row;
}
