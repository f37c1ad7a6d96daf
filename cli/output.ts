/** Where a command writes; tests pass their own. Kept apart from context.ts so light commands load no SQLite. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

export function printJson(io: Output, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
