import type { ApiParsedInput } from '../shared/api/inputs.js';
import type { ApiMethod } from '../shared/api/methods.js';
import type { ApiResults } from '../shared/api/contract.js';
import type { Register } from '../db/register.js';

/** What a transport knows about itself, for `app.info`. */
export interface ApiEnvironment {
  transport: 'electron' | 'browser' | 'cli';
  version: string;
  /** Prints a self-contained HTML document to an A4 PDF; Electron passes printToPDF, else Chromium is used. */
  printPdf?: (html: string) => Promise<Uint8Array>;
}

/** Most handlers answer at once; the few that render files (PDF) return a promise. */
export type Handler<M extends ApiMethod> = (register: Register, input: ApiParsedInput<M>, env: ApiEnvironment) => ApiResults[M] | Promise<ApiResults[M]>;
export type Handlers<K extends ApiMethod> = { [M in K]: Handler<M> };
