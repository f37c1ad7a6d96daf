/**
 * The one place where the Electron side reaches the API handlers: when the
 * handlers move folder, only these lines change.
 */
export { dispatch, dispatchSync } from '../api/dispatch.js';
export type { ApiEnvironment } from '../api/handler-types.js';
