import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { readableFile } from './readable-file.js';

const HEAD = /(\d{1,12}:[0-9a-f]{64})/;

/**
 * The audit head a package or report carries: a package's `auditHead`, a
 * report's signed sidecar (`<report>.sig.json`), or the head printed in an
 * HTML report's meta tag.
 */
export async function headClaimedBy(file: string): Promise<string> {
  const sidecar = `${file}.sig.json`;
  const source = existsSync(sidecar) ? sidecar : file;
  const text = readableFile(source).toString('utf8');
  if (source.endsWith('.json')) {
    try {
      const data = JSON.parse(text.replace(/^\uFEFF/, '')) as { auditHead?: unknown };
      if (typeof data.auditHead === 'string' && HEAD.test(data.auditHead)) return data.auditHead;
    } catch {
      // Not JSON: fall through to the message below.
    }
    throw new InputError(`${source} carries no audit head (packages and report sidecars from before this version do not)`);
  }
  const meta = /<meta name="permit-integrity-audit-head" content="(\d{1,12}:[0-9a-f]{64})"/.exec(text);
  if (meta) return meta[1]!;
  throw new InputError(`${file} carries no audit head and has no sidecar ${sidecar}`);
}
