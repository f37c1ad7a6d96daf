export { API_METHODS, isApiMethod, type ApiMethod } from './contract.js';

export const API_ERROR_CODES = ['invalid_input', 'not_found', 'invalid', 'locked', 'conflict', 'forbidden', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };
