import { API_CONTRACT, API_METHODS, type ApiContract, type ApiMethod } from './contract.js';

export { LANGUAGES, type Language } from './languages.js';
export type { ApiInput, ApiParsedInput } from './contract.js';
export { jobStartInput, MAX_JOB_PACKAGES, type JobStart } from './contract/jobs.js';

/** The input schema of every method, read from the contract: the one validation every transport applies. */
export const API_INPUTS = Object.fromEntries(API_METHODS.map((method) => [method, API_CONTRACT[method].input])) as unknown as { [M in ApiMethod]: ApiContract[M]['input'] };
