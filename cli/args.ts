import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../shared/domain/dates.js';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into usage errors. */
export function parse(argv: string[], options: Options, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { actor: { type: 'string' }, ...options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!parsed.values.help && parsed.positionals.length !== positionals) {
    throw new UsageError(positionals ? `expected ${positionals} argument(s), got ${parsed.positionals.length}` : `unexpected argument "${parsed.positionals[0]}"`);
  }
  return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** A positive integer id from an option such as --assessment 3. */
export function requireId(values: Record<string, unknown>, name: string): number {
  const text = requireString(values, name);
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new UsageError(`--${name} must be a positive whole number (an id from "list"), got "${text}"`);
  return Number(text);
}

export function optionalDate(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isIsoDate(value)) throw new UsageError(`--${name} must be a date written YYYY-MM-DD, got "${String(value)}"`);
  return value;
}
