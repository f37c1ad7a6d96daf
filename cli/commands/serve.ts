import { closeRegister } from '../../db/register.js';
import { parse } from '../args.js';
import { InputError, UsageError } from '../errors.js';
import type { Output } from '../context.js';
import { appVersion, RENDERER_DIR, rendererBuilt } from '../app-paths.js';
import { openUserRegister } from '../../db/user-register.js';
import { defaultRegisterPath } from '../user-data.js';


/** Browser mode: the app in any local browser, on 127.0.0.1 only, until Ctrl+C. */
export async function serveCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, port: { type: 'string' } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${String(values.port)}"`);
  if (!rendererBuilt()) throw new InputError(`the user interface is not built (${RENDERER_DIR} is missing); run: npm run build`);
  const file = typeof values.db === 'string' ? values.db : defaultRegisterPath();
  const register = openUserRegister(file, io.out);
  // The server pulls in every API handler and file builder: load it only when serving.
  const { startBrowserServer } = await import('../serve/server.js');
  let running;
  try {
    running = await startBrowserServer({ register, rendererDir: RENDERER_DIR, port, version: appVersion() });
  } catch (error) {
    closeRegister(register);
    throw new InputError(`cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
  }
  io.out(`Permit Integrity (browser mode) on register ${file}`);
  io.out(`Open ${running.url}`);
  io.out('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => {
      void running.close().then(async () => {
        // Running jobs stop (an import rolls back) before the register closes; the warm PDF browser closes too.
        await (await import('../../jobs/runner.js')).jobRunner(register).stopAll();
        await (await import('../../exports/pdf-browser.js')).closePdfBrowser();
        closeRegister(register);
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
