/** `make`, run on the first call only; later calls return what it made (for costly objects such as Intl formatters). */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
