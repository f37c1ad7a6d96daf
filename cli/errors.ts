/** Wrong usage of the command line: exit status 2, with the usage line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Bad input (a file, a value): exit status 1, with a message naming the problem. */
export class InputError extends Error {
  override name = 'InputError';
}
