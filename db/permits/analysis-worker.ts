import { parentPort, workerData } from 'node:worker_threads';
import { RegisterError } from '../errors.js';
import { closeRegister, openRegister } from '../register.js';
import { analyseAuthorityPermits } from './analysis.js';

/**
 * Worker-thread side of a red-flag pass: loading a million rows and running
 * the rules takes tens of seconds, which on the app's own connection would
 * hold up every other call. Its own connection reads and stores the run.
 * Out: {type:'done', summary} or {type:'error', error}.
 */
const { file, authorityId, actor, now } = workerData as { file: string; authorityId: number; actor: string | null; now: string };
const register = openRegister(file, { mustExist: true, now: () => now });
if (actor) register.actor = actor;
try {
  parentPort!.postMessage({ type: 'done', summary: analyseAuthorityPermits(register, authorityId) });
} catch (error) {
  parentPort!.postMessage({ type: 'error', error: { message: (error as Error).message, code: error instanceof RegisterError ? error.code : null } });
} finally {
  closeRegister(register);
}
