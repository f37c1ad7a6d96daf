/** Why a register operation was refused; callers map the code to an exit status or API error. */
export type RegisterErrorCode =
  | 'not_found'
  | 'invalid'
  | 'locked'
  | 'conflict'
  | 'newer_database'
  | 'not_a_register'
  | 'busy'
  | 'read_only'
  | 'corrupt'
  | 'io'
  | 'forbidden';

export class RegisterError extends Error {
  constructor(
    readonly code: RegisterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegisterError';
  }
}

/** SQLite's RAISE(ABORT, …) from the lock triggers surfaces as a SqliteError; name it for users. */
export function translateSqliteError(error: unknown): never {
  if (error instanceof Error && /locked assessment/.test(error.message)) throw new RegisterError('locked', error.message);
  throw error;
}
