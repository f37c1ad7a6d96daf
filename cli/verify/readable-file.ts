import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * Reads a file named on the command line, turning every way it can fail
 * (missing, a folder, unreadable, locked by another program) into one line.
 */
export function readableFile(file: string): Buffer {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${reason(error)}`);
  }
  if (stat.isDirectory()) throw new InputError(`${file} is a folder; give a package, register or report file`);
  if (!stat.isFile()) throw new InputError(`${file} is not a regular file`);
  if (stat.size === 0) throw new InputError(`${file} is empty`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EBUSY') return 'the file is locked by another program';
  return (error as Error).message;
}
