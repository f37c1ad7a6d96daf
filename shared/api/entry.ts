import type { z } from 'zod';

/**
 * One API method as the contract states it: the schema its input must pass and
 * (as a type only) what it answers. The handler that goes with it lives in api/.
 */
export interface ApiEntry<I extends z.ZodType, R> {
  input: I;
  /** Never set at run time: carries the result type for ApiResults. */
  readonly result?: R;
}

/** `entry<Result>(inputSchema)`: pairs an input schema with its result type. */
export function entry<R>() {
  return <I extends z.ZodType>(input: I): ApiEntry<I, R> => ({ input });
}
