/**
 * Every method of the app's API, by name. Kept free of imports so the Electron
 * preload can expose exactly this list without bundling anything else.
 */
export const API_METHODS = [
  'app.info',
  'settings.get',
  'settings.set',
  'library.get',
  'authorities.list',
  'authorities.create',
  'authorities.update',
  'controls.list',
  'controls.create',
  'controls.update',
  'controls.delete',
  'evidence.list',
  'evidence.add',
  'evidence.delete',
  'evidence.file',
  'assessments.list',
  'assessments.create',
  'assessments.get',
  'assessments.update',
  'assessments.setOverride',
  'assessments.setApplicability',
  'assessments.setNotes',
  'assessments.setChainCell',
  'assessments.transition',
  'assessments.lock',
  'assessments.clone',
  'assessments.compare',
  'audit.list',
  'audit.verify',
  'packages.export',
  'packages.import',
  'register.backup',
  'reports.data',
  'reports.export',
  'portfolio.get',
  'portfolio.export',
  'trust.head',
  'trust.checkHead',
  'trust.key',
  'trust.exportKey',
  'trust.importKey',
  'trust.list',
  'trust.fourEyes',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

export const API_ERROR_CODES = ['invalid_input', 'not_found', 'invalid', 'locked', 'conflict', 'forbidden', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };
