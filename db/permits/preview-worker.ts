import { parentPort, workerData } from 'node:worker_threads';
import { RegisterError } from '../errors.js';
import { previewPermitFile } from './preview.js';

/**
 * Worker-thread side of a column preview. A workbook is unpacked here, off the
 * app's thread; exiting right after the answer ends the reading and lets
 * exceljs remove the temporary files it parks worksheets in.
 * Out: {type:'done', preview} or {type:'error', error}.
 */
const { path } = workerData as { path: string };
previewPermitFile(path)
  .then((preview) => parentPort!.postMessage({ type: 'done', preview }))
  .catch((error: unknown) => {
    const e = error as Error;
    parentPort!.postMessage({ type: 'error', error: { message: e.message, code: error instanceof RegisterError ? error.code : null } });
  })
  .finally(() => process.exit(0));
