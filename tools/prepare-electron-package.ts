import { fileURLToPath } from 'node:url';
import { ensureElectronDriver } from '../cli/electron-driver.js';
import { packPlan } from './electron-package.js';

/**
 * Step of `npm run dist` before electron-builder: puts the Electron build of
 * the SQLite driver into native/electron (electron-builder's own rebuild is
 * off, so that node_modules keeps its Node build) and checks that the package
 * will carry it, unpacked.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const driver = ensureElectronDriver(root);
if (!driver.ok) {
  console.error(`npm run dist: ${driver.advice}\n${driver.detail}`);
  process.exit(1);
}
const plan = packPlan(root);
const unpacked = plan.unpacked.filter((file) => file.endsWith('.node'));
if (!unpacked.includes('native/electron/better_sqlite3.node')) {
  console.error('npm run dist: native/electron/better_sqlite3.node would not be packed unpacked; check electron-builder.cjs');
  process.exit(1);
}
console.log(`Electron driver: ${driver.file} (${driver.how}). The package will hold ${plan.files.length} files from ${plan.packages.length} dependencies; unpacked: ${unpacked.join(', ')}.`);
