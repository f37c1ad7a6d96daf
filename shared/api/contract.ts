import type { z } from 'zod';
import { appContract } from './contract/app.js';
import { assessmentContract } from './contract/assessments.js';
import { registerContract } from './contract/register.js';
import { followUpContract } from './contract/follow-up.js';
import { jobContract } from './contract/jobs.js';
import { permitContract } from './contract/permits.js';
import { reportContract } from './contract/reports.js';
import { trustContract } from './contract/trust.js';

/**
 * The whole API: one entry per method (input schema and result type), grouped
 * by domain. The method list, the input map and the result map are all read
 * from here, so a method exists everywhere or nowhere.
 */
export const API_CONTRACT = { ...appContract, ...registerContract, ...assessmentContract, ...reportContract, ...jobContract, ...followUpContract, ...permitContract, ...trustContract };

export type ApiContract = typeof API_CONTRACT;
export type ApiMethod = keyof ApiContract;
export const API_METHODS = Object.freeze(Object.keys(API_CONTRACT)) as readonly ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API_CONTRACT, name);
}

export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiResults = { [M in ApiMethod]: Exclude<ApiContract[M]['result'], undefined> };
